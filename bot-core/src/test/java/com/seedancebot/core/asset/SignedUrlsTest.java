package com.seedancebot.core.asset;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.testing.TestClock;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SignedUrlsTest {

  private final TestClock clock = TestClock.atDefaultStart();
  private final byte[] key = filled((byte) 7);
  private final SignedUrls urls = new SignedUrls(URI.create("https://bot.example/"), key, clock);

  @Test
  void aFreshlySignedUrlVerifiesAndPointsUnderThePublicUrl() {
    URI url = urls.sign("0123456789abcdef0123456789abcdef.mp4", Duration.ofHours(1));

    assertThat(url.toString())
        .startsWith("https://bot.example/files/0123456789abcdef0123456789abcdef.mp4?exp=");
    assertThat(urls.verify(id(url), exp(url), sig(url))).isTrue();
  }

  @Test
  void aTamperedIdExpiryOrSignatureIsRejected() {
    URI url = urls.sign("0123456789abcdef0123456789abcdef.mp4", Duration.ofHours(1));

    assertThat(urls.verify("ffff456789abcdef0123456789abcdef.mp4", exp(url), sig(url))).isFalse();
    assertThat(urls.verify(id(url), exp(url) + 3600, sig(url))).isFalse();
    assertThat(urls.verify(id(url), exp(url), sig(url).substring(1) + "A")).isFalse();
    assertThat(
            new SignedUrls(URI.create("https://bot.example"), filled((byte) 8), clock)
                .verify(id(url), exp(url), sig(url)))
        .isFalse();
  }

  @Test
  void anExpiredUrlIsRejected() {
    URI url = urls.sign("0123456789abcdef0123456789abcdef.png", Duration.ofMinutes(10));

    clock.advance(Duration.ofMinutes(11));

    assertThat(urls.verify(id(url), exp(url), sig(url))).isFalse();
  }

  private static byte[] filled(byte b) {
    byte[] k = new byte[32];
    Arrays.fill(k, b);
    return k;
  }

  private static String id(URI url) {
    String path = url.getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static long exp(URI url) {
    return Long.parseLong(url.getQuery().replaceAll(".*exp=(\\d+).*", "$1"));
  }

  private static String sig(URI url) {
    return url.getQuery().replaceAll(".*sig=([^&]+).*", "$1");
  }
}
