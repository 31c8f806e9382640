package com.seedancebot.app.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.provider.fake.FakeArkServer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What the fake Ark was asked, read as Ark reads it: content items and the media they name. */
final class ArkRequests {

  private ArkRequests() {}

  /** The first content item of {@code type} ({@code text}, {@code video_url} …) of a create. */
  static JsonNode item(JsonNode create, String type) {
    List<JsonNode> found = new ArrayList<>();
    create.path("content").forEach(found::add);
    return found.stream()
        .filter(n -> type.equals(n.path("type").asString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " item in " + create));
  }

  /** Ark fetched (or decoded) {@code url} once and got exactly {@code bytes}. */
  static void assertFetched(FakeArkServer ark, String url, byte[] bytes, Duration wait)
      throws InterruptedException {
    assertFetched(ark, url, bytes, wait, true);
  }

  /**
   * Ark fetched (or decoded) {@code url}, maybe several times (the same media in several requests),
   * and got exactly {@code bytes} each time.
   */
  static void assertEveryFetch(FakeArkServer ark, String url, byte[] bytes, Duration wait)
      throws InterruptedException {
    assertFetched(ark, url, bytes, wait, false);
  }

  private static void assertFetched(
      FakeArkServer ark, String url, byte[] bytes, Duration wait, boolean once)
      throws InterruptedException {
    // the fake records the create request first, then fetches its media before it answers
    long deadline = System.nanoTime() + wait.toNanos();
    while (ark.fetchedMedia().stream().noneMatch(f -> f.url().equals(url))
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    var fetches = assertThat(ark.fetchedMedia()).filteredOn(f -> f.url().equals(url));
    if (once) {
      fetches.hasSize(1);
    }
    fetches
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.ok()).as("fetched %s: %s", shorten(url), f.error()).isTrue();
              assertThat(f.sizeBytes()).isEqualTo(bytes.length);
              assertThat(f.sha256()).isEqualTo(sha256(bytes));
            });
    if (url.startsWith("data:")) {
      assertThat(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1))).isEqualTo(bytes);
    }
  }

  private static String shorten(String url) {
    return url.length() > 80 ? url.substring(0, 80) + "…" : url;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
