package com.seedancebot.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.quota.QuotaDecision.Denied;
import com.seedancebot.core.quota.QuotaRules.Use;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaRulesTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final List<Use> USES =
      List.of(
          new Use(T0, 10, 0),
          new Use(T0.plus(Duration.ofHours(1)), 4, 0),
          new Use(T0.plus(Duration.ofHours(2)), 15, 0));

  @Test
  void aJobFitsUntilTheLimitIsReachedAndAlwaysWithoutALimit() {
    assertThat(QuotaRules.exceeds(10, 9, 1)).isFalse();
    assertThat(QuotaRules.exceeds(10, 10, 1)).isTrue();
    assertThat(QuotaRules.exceeds(0, 1_000, 15)).isFalse();
  }

  @Test
  void secondsFreeUpOldestFirstUntilEnoughIsFree() {
    Instant now = T0.plus(Duration.ofHours(3));

    Instant fits = QuotaRules.whenFits(USES, QuotaUnit.SECONDS, QuotaPeriod.DAY, 29, 12, 30, now);

    assertThat(fits).isEqualTo(T0.plus(Duration.ofHours(25)));
  }

  @Test
  void jobsFreeUpOneUseAtATime() {
    Instant now = T0.plus(Duration.ofHours(3));

    assertThat(QuotaRules.whenFits(USES, QuotaUnit.JOBS, QuotaPeriod.DAY, 3, 1, 3, now))
        .isEqualTo(T0.plus(Duration.ofHours(24)));
    assertThat(QuotaRules.whenFits(USES, QuotaUnit.JOBS, QuotaPeriod.DAY, 3, 1, 2, now))
        .isEqualTo(T0.plus(Duration.ofHours(25)));
  }

  @Test
  void aJobLargerThanTheWholeLimitNeverFits() {
    assertThat(QuotaRules.whenFits(USES, QuotaUnit.SECONDS, QuotaPeriod.DAY, 29, 31, 30, T0))
        .isNull();
  }

  @Test
  void theReportedDenialIsTheOneThatFreesUpLast() {
    Denied user = denied(QuotaScope.USER, T0.plus(Duration.ofHours(2)));
    Denied chat = denied(QuotaScope.CHAT, T0.plus(Duration.ofHours(5)));
    Denied global = denied(QuotaScope.GLOBAL, T0.plus(Duration.ofHours(5)));
    Denied never = denied(QuotaScope.GLOBAL, null);

    assertThat(QuotaRules.binding(List.of(user, chat, global))).contains(chat);
    assertThat(QuotaRules.binding(List.of(user, never, chat))).contains(never);
    assertThat(QuotaRules.binding(List.of())).isEmpty();
  }

  private static Denied denied(QuotaScope scope, Instant resetsAt) {
    return new Denied("job", scope, QuotaUnit.SECONDS, 30, 29, 12, resetsAt);
  }
}
