package com.seedancebot.core.asset.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.seedancebot.core.asset.AssetFile;
import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.AssetStoreContract;
import com.seedancebot.core.asset.MediaUrlResolver;
import com.seedancebot.core.asset.MediaUrlResolverTest;
import com.seedancebot.core.asset.ProviderLinks;
import com.seedancebot.core.asset.SignedUrls;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage contract on a real S3-compatible server (S3Proxy, started here), plus what only a
 * shared store does: objects named by prefix and id with their content type, files stored by one
 * instance read by another, presigned URLs that work without credentials and never carry a session
 * token, and a clear refusal of a bucket that cannot be used.
 */
class S3AssetStoreIT extends AssetStoreContract {

  private static final String BUCKET = "seedance-assets";

  @TempDir static Path serverDir;
  private static S3ProxyServer server;
  private final List<S3AssetStore> opened = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.start(serverDir.resolve("blobs"), BUCKET);
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @AfterEach
  void closeStores() {
    opened.forEach(S3AssetStore::close);
  }

  /** No local copies kept: every read of the contract goes to the server. */
  @Override
  protected AssetStore store() throws Exception {
    return instance("a", 0);
  }

  private S3AssetStore instance(String name, long cacheBytes) throws Exception {
    Path cache = Files.createTempDirectory(scratch, "cache-" + name);
    S3AssetStore store =
        S3AssetStore.connect(server.settings(BUCKET, "seedance/", cache, cacheBytes));
    opened.add(store);
    return store;
  }

  @Test
  void objectsAreNamedByPrefixAndIdAndCarryTheirContentType() throws Exception {
    byte[] video = bytes(2_000, 1);

    String id = store().store(new ByteArrayInputStream(video), "mp4");

    assertThat(server.objectBytes(BUCKET, "seedance/" + id)).isEqualTo(video);
    assertThat(server.head(BUCKET, "seedance/" + id).contentType()).isEqualTo("video/mp4");
  }

  @Test
  void whatOneInstanceStoresAnotherReadsWholeFromAnOffsetAndAsAFile() throws Exception {
    S3AssetStore first = instance("first", 64L * 1024 * 1024);
    S3AssetStore second = instance("second", 0);
    byte[] video = bytes(300_000, 2);

    String id = first.store(new ByteArrayInputStream(video), "mp4");

    assertThat(read(second, id, 0)).isEqualTo(video);
    assertThat(read(second, id, 299_990)).hasSize(10);
    assertThat(second.size(id)).hasValue(video.length);
    try (AssetFile file = second.localFile(id)) {
      assertThat(Files.readAllBytes(file.path())).isEqualTo(video);
    }
  }

  @Test
  void whatThisInstanceJustStoredIsAtHandAsAFileWithoutADownload() throws Exception {
    S3AssetStore store = instance("collector", 64L * 1024 * 1024);
    byte[] video = bytes(50_000, 5);
    String id = store.store(new ByteArrayInputStream(video), "mp4");

    server.client().deleteObject(b -> b.bucket(BUCKET).key("seedance/" + id));

    try (AssetFile file = store.localFile(id)) {
      assertThat(Files.readAllBytes(file.path())).isEqualTo(video);
    }
  }

  @Test
  void aPresignedUrlServesTheFileWithoutCredentialsAndATamperedOneIsRefused() throws Exception {
    AssetStore store = store();
    byte[] image = bytes(4_000, 3);
    String id = store.store(new ByteArrayInputStream(image), "png");

    URI url = store.presignedUrl(id, Duration.ofMinutes(10)).orElseThrow();

    HttpResponse<byte[]> ok = get(url);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo(image);
    assertThat(url.toString()).doesNotContain(S3ProxyServer.SECRET_KEY);
    URI tampered = URI.create(url.toString().replace("X-Amz-Signature=", "X-Amz-Signature=0"));
    assertThat(get(tampered).statusCode()).isEqualTo(403);
    assertThat(store.presignedUrl(id, Duration.ofDays(8))).isEmpty();
  }

  @Test
  void providersGetAPresignedUrlWithTheLinkLifetimeWhenSoConfigured() throws Exception {
    AssetStore store = store();
    byte[] image = bytes(3_000, 6);
    String id = store.store(new ByteArrayInputStream(image), "png");
    SignedUrls signed =
        new SignedUrls(URI.create("https://bot.example"), new byte[32], Clock.systemUTC());
    var resolver =
        new MediaUrlResolver(store, signed, Duration.ofMinutes(30), ProviderLinks.PRESIGNED);

    String url = resolver.resolve(List.of(MediaUrlResolverTest.input(id)), false).get(0).url();

    assertThat(url).startsWith(server.endpoint() + "/" + BUCKET + "/seedance/" + id + "?");
    assertThat(url).contains("X-Amz-Expires=1800").doesNotContain("X-Amz-Security-Token");
    assertThat(get(URI.create(url)).body()).isEqualTo(image);
  }

  @Test
  void sessionCredentialsFromTheDefaultChainNeverEndUpInAPresignedUrl() throws Exception {
    System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
    System.setProperty("aws.sessionToken", "a-session-token");
    try {
      S3Settings keyed = server.settings(BUCKET, "", scratch.resolve("session"), 0);
      S3Settings fromChain =
          new S3Settings(keyed.endpoint(), BUCKET, null, null, null, true, "", keyed.cacheDir(), 0);
      try (S3AssetStore store = S3AssetStore.connect(fromChain)) {
        String id = store.store(new ByteArrayInputStream(bytes(100, 4)), "png");

        assertThat(read(store, id, 0)).hasSize(100);
        assertThat(store.presignedUrl(id, Duration.ofMinutes(10))).isEmpty();
      }
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
      System.clearProperty("aws.sessionToken");
    }
  }

  @Test
  void aBucketThatCannotBeUsedIsRefusedAtConnectWithoutShowingTheKeys() {
    S3Settings missing = server.settings("no-such-bucket", "", scratch.resolve("missing"), 0);

    assertThatThrownBy(() -> S3AssetStore.connect(missing))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no-such-bucket")
        .hasMessageNotContaining(S3ProxyServer.SECRET_KEY)
        .hasMessageNotContaining(S3ProxyServer.ACCESS_KEY);
  }

  private HttpResponse<byte[]> get(URI url) throws Exception {
    return http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
