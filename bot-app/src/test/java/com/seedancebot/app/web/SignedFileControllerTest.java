package com.seedancebot.app.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.LocalDiskAssetStore;
import com.seedancebot.core.asset.SignedUrls;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class SignedFileControllerTest {

  private static final byte[] VIDEO = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir Path dir;
  private final byte[] key = new byte[32];
  private MockMvc mvc;
  private String assetId;

  @BeforeEach
  void storeAVideo() throws Exception {
    AssetStore assets = new LocalDiskAssetStore(dir);
    assetId = assets.store(new ByteArrayInputStream(VIDEO), "mp4");
    SignedUrls urls =
        new SignedUrls(URI.create("http://bot.test"), key, Clock.fixed(NOW, ZoneOffset.UTC));
    mvc = MockMvcBuilders.standaloneSetup(new SignedFileController(assets, urls)).build();
  }

  @Test
  void aValidSignedUrlServesTheFileWithItsType() throws Exception {
    URI url = signedAt(NOW, Duration.ofHours(1));

    mvc.perform(get(url.getPath() + "?" + url.getQuery()))
        .andExpect(status().isOk())
        .andExpect(content().contentType("video/mp4"))
        .andExpect(content().bytes(VIDEO));
  }

  @Test
  void aRangeRequestGetsPartialContent() throws Exception {
    URI url = signedAt(NOW, Duration.ofHours(1));

    mvc.perform(get(url.getPath() + "?" + url.getQuery()).header("Range", "bytes=4-7"))
        .andExpect(status().isPartialContent())
        .andExpect(header().string("Content-Range", "bytes 4-7/12"))
        .andExpect(content().bytes("ftyp".getBytes(StandardCharsets.US_ASCII)));
    mvc.perform(get(url.getPath() + "?" + url.getQuery()).header("Range", "bytes=8-"))
        .andExpect(status().isPartialContent())
        .andExpect(content().bytes("isom".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aValidSignatureForAFileThatIsNotThereIsForbiddenToo() throws Exception {
    String missing = "ffffffffffffffffffffffffffffffff.mp4";
    URI url =
        new SignedUrls(URI.create("http://bot.test"), key, Clock.fixed(NOW, ZoneOffset.UTC))
            .sign(missing, Duration.ofHours(1));

    mvc.perform(get(url.getPath() + "?" + url.getQuery())).andExpect(status().isForbidden());
  }

  @Test
  void aTamperedSignatureIsForbidden() throws Exception {
    URI url = signedAt(NOW, Duration.ofHours(1));
    String tampered = url.getQuery().replaceAll("sig=.", "sig=X");

    mvc.perform(get(url.getPath() + "?" + tampered)).andExpect(status().isForbidden());
    mvc.perform(get(url.getPath())).andExpect(status().isForbidden());
  }

  @Test
  void anExpiredLinkIsForbidden() throws Exception {
    URI url = signedAt(NOW.minus(Duration.ofHours(2)), Duration.ofHours(1));

    mvc.perform(get(url.getPath() + "?" + url.getQuery())).andExpect(status().isForbidden());
  }

  @Test
  void aSignatureForAnotherFileDoesNotOpenThisOne() throws Exception {
    URI other = signedAt(NOW, Duration.ofHours(1));
    String otherId = "ffffffffffffffffffffffffffffffff.mp4";

    mvc.perform(get("/files/" + otherId + "?" + other.getQuery()))
        .andExpect(status().isForbidden());
  }

  private URI signedAt(Instant when, Duration ttl) {
    return new SignedUrls(URI.create("http://bot.test"), key, Clock.fixed(when, ZoneOffset.UTC))
        .sign(assetId, ttl);
  }
}
