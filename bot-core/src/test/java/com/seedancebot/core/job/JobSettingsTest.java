package com.seedancebot.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobSettingsTest {

  private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void pollsFallingDueWithinOneSecondAreDueAtTheSameInstant() {
    JobSettings settings = JobSettings.defaults(Duration.ofSeconds(3));

    Instant first = settings.pollDueAt(T.plusMillis(120), Duration.ofMillis(2_900), false);
    Instant second = settings.pollDueAt(T.plusMillis(610), Duration.ofMillis(2_800), false);

    assertThat(first).isEqualTo(second).isEqualTo(T.plusSeconds(3));
  }

  @Test
  void aWaitTheProviderAskedForIsNeverShortened() {
    JobSettings settings = JobSettings.defaults(Duration.ofSeconds(3));

    assertThat(settings.pollDueAt(T.plusMillis(100), Duration.ofSeconds(5), true))
        .isEqualTo(T.plusSeconds(6));
    assertThat(settings.pollDueAt(T, Duration.ofSeconds(5), true)).isEqualTo(T.plusSeconds(5));
  }

  @Test
  void aPollIntervalShorterThanASecondIsItsOwnGrid() {
    JobSettings settings = JobSettings.defaults(Duration.ofMillis(200));

    assertThat(settings.pollDueAt(T.plusMillis(30), Duration.ofMillis(200), false))
        .isEqualTo(T.plusMillis(200));
    assertThat(settings.pollDueAt(T.plusMillis(130), Duration.ofMillis(200), false))
        .isEqualTo(T.plusMillis(400));
  }
}
