package com.seedancebot.app.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.asset.SignedUrls;
import com.seedancebot.core.asset.s3.S3ProxyServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged bot, each with its own data directory and database, share one
 * S3-compatible store (S3Proxy, run here) and one {@code BOT_SIGNING_KEY}, as an operator sets
 * them: instance A with {@code BOT_STORAGE_S3_ACCESS_KEY}/{@code _SECRET_KEY}, instance B with the
 * standard {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}. A video made on A lives in the
 * bucket, not in A's data directory, and its signed link works on B byte for byte (whole and as a
 * range); tampered and expired links are refused by both; neither log shows a key. The instances
 * start once for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedStorageIT {

  private static final String BUCKET = "seedance-shared";
  private static final Duration VIDEO_TIMEOUT = Duration.ofSeconds(90);

  @TempDir static Path work;
  private final HttpClient http = HttpClient.newHttpClient();
  private final byte[] signingKey = new byte[32];
  private S3ProxyServer s3;
  private PackagedBot a;
  private PackagedBot b;

  @BeforeAll
  void startTwoInstancesOnOneStore() throws Exception {
    new SecureRandom().nextBytes(signingKey);
    s3 = S3ProxyServer.start(work.resolve("s3"), BUCKET);
    CompletableFuture<PackagedBot> first =
        startAsync("a", "BOT_STORAGE_S3_ACCESS_KEY", "BOT_STORAGE_S3_SECRET_KEY");
    CompletableFuture<PackagedBot> second =
        startAsync("b", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    a = first.join();
    b = second.join();
  }

  @AfterAll
  void stopAll() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {a, b, s3}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void aVideoMadeOnOneInstanceIsServedByItsSignedLinkOnTheOther() throws Exception {
    URI link = videoLinkFromA("/video a red fox running in snow --duration 4");
    String assetId = link.getPath().substring(SignedUrls.PATH_PREFIX.length());

    byte[] fromA = body(get(on(a, link)));
    HttpResponse<byte[]> fromB = get(on(b, link));

    assertThat(fromB.statusCode()).isEqualTo(200);
    assertThat(fromB.headers().firstValue("Content-Type")).hasValue("video/mp4");
    assertThat(fromB.body()).isEqualTo(fromA);
    assertThat(new String(fromA, 4, 4, StandardCharsets.ISO_8859_1)).isEqualTo("ftyp");
    HttpResponse<byte[]> range = get(on(b, link), "bytes=4-1023");
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.body()).isEqualTo(Arrays.copyOfRange(fromA, 4, 1024));
    assertThat(s3.objectBytes(BUCKET, "bot/" + assetId)).isEqualTo(fromA);
    assertThat(a.dataDir().resolve("assets").resolve(assetId)).doesNotExist();
  }

  @Test
  void tamperedAndExpiredLinksAreRefusedByBothWhileAFreshOneWorksOnBoth() throws Exception {
    URI link = videoLinkFromA("/video a lighthouse at dusk --duration 4");
    String assetId = link.getPath().substring(SignedUrls.PATH_PREFIX.length());
    URI tampered = tampered(link);
    URI expired = signedAt(Instant.now().minus(Duration.ofHours(2)), assetId);
    URI fresh = signedAt(Instant.now(), assetId);

    for (PackagedBot bot : new PackagedBot[] {a, b}) {
      assertThat(get(on(bot, tampered)).statusCode())
          .as("tampered on %s", bot.port())
          .isEqualTo(403);
      assertThat(get(on(bot, expired)).statusCode()).as("expired on %s", bot.port()).isEqualTo(403);
      assertThat(get(on(bot, fresh)).statusCode()).as("fresh on %s", bot.port()).isEqualTo(200);
    }
    String encoded = Base64.getEncoder().encodeToString(signingKey);
    for (PackagedBot bot : new PackagedBot[] {a, b}) {
      assertThat(bot.log())
          .contains("signed with the key from BOT_SIGNING_KEY")
          .doesNotContain(encoded)
          .doesNotContain(S3ProxyServer.SECRET_KEY);
    }
  }

  /**
   * The link with the signature's first character changed (to one it is not: a fixed replacement
   * left one link in 64 untouched, and the test then failed).
   */
  private static URI tampered(URI link) {
    String text = link.toString();
    int at = text.indexOf("sig=") + "sig=".length();
    char other = text.charAt(at) == 'A' ? 'B' : 'A';
    return URI.create(text.substring(0, at) + other + text.substring(at + 1));
  }

  /** Sends a command to instance A's playground and returns the signed link of its video. */
  private URI videoLinkFromA(String command) throws Exception {
    PlaygroundApi playground = new PlaygroundApi(a.baseUrl());
    playground.post(command);
    return URI.create(playground.awaitVideo(VIDEO_TIMEOUT).path("video").path("url").asString());
  }

  /** Starts an instance on the shared store, its S3 keys given in the two variables named. */
  private CompletableFuture<PackagedBot> startAsync(String name, String keyVar, String secretVar) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return PackagedBot.builder(Files.createDirectories(work.resolve(name)))
                .env("BOT_STORAGE_S3_ENDPOINT", s3.endpoint().toString())
                .env("BOT_STORAGE_S3_BUCKET", BUCKET)
                .env("BOT_STORAGE_S3_REGION", "us-east-1")
                .env("BOT_STORAGE_S3_PATH_STYLE", "true")
                .env("BOT_STORAGE_S3_PREFIX", "bot/")
                .env("BOT_SIGNING_KEY", Base64.getEncoder().encodeToString(signingKey))
                .env(keyVar, S3ProxyServer.ACCESS_KEY)
                .env(secretVar, S3ProxyServer.SECRET_KEY)
                .start();
          } catch (Exception e) {
            throw new IllegalStateException("instance " + name + " did not start", e);
          }
        });
  }

  /** A link signed by the test itself with the shared key, valid for an hour from {@code at}. */
  private URI signedAt(Instant at, String assetId) {
    return new SignedUrls(a.baseUrl(), signingKey, Clock.fixed(at, ZoneOffset.UTC))
        .sign(assetId, Duration.ofHours(1));
  }

  /** The same path and query on another instance. */
  private static URI on(PackagedBot bot, URI link) {
    return bot.baseUrl().resolve(link.getRawPath() + "?" + link.getRawQuery());
  }

  private HttpResponse<byte[]> get(URI url, String... range) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url);
    if (range.length > 0) {
      request.header("Range", range[0]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] body(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).as("status of %s", response.uri()).isEqualTo(200);
    return response.body();
  }
}
