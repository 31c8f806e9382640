package com.seedancebot.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-05-14T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void secondsAreRead() {
    assertThat(RetryAfter.parse("120", clock)).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void anHttpDateIsTurnedIntoTheDelayFromNow() {
    assertThat(RetryAfter.parse("Thu, 14 May 2026 10:00:30 GMT", clock))
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aDateInThePastMeansNow() {
    assertThat(RetryAfter.parse("Thu, 14 May 2026 09:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
  }

  @Test
  void absentOrUnreadableIsNull() {
    assertThat(RetryAfter.parse(null, clock)).isNull();
    assertThat(RetryAfter.parse("soon", clock)).isNull();
  }

  @Test
  void settingsNeverPrintTheKey() {
    ProviderSettings s =
        new ProviderSettings(
            "ark", URI.create("https://ark.example/api/v3"), "sk-secret", 3, Duration.ofSeconds(5));

    assertThat(s.toString()).doesNotContain("sk-secret").contains("ark.example");
  }
}
