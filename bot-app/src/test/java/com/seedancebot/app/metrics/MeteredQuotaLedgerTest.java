package com.seedancebot.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.quota.JdbcQuotaLedger;
import com.seedancebot.core.quota.QuotaDecision;
import com.seedancebot.core.quota.QuotaLedger;
import com.seedancebot.core.quota.QuotaPolicy;
import com.seedancebot.core.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeteredQuotaLedgerTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  @TempDir Path dir;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void eachRefusalIsCountedByTheAllowanceThatRanOut() {
    // given a real ledger allowing a user one job and a chat 10 s a day
    QuotaLedger ledger =
        new MeteredQuotaLedger(
            new JdbcQuotaLedger(TestDatabase.migratedH2(dir), new QuotaPolicy(1, 0, 0, 10, 0, 0)),
            registry);

    // when a user's second job and another user's too long one are asked for
    assertThat(ledger.reserve("j1", "u1", "c1", 4, NOW)).isInstanceOf(QuotaDecision.Granted.class);
    assertThat(ledger.reserve("j2", "u1", "c1", 4, NOW)).isInstanceOf(QuotaDecision.Denied.class);
    assertThat(ledger.reserve("j3", "u2", "c1", 8, NOW)).isInstanceOf(QuotaDecision.Denied.class);

    // then each refusal counts once, under its reason
    assertThat(registry.get("seedance.quota.refusals").tag("reason", "user_jobs").counter().count())
        .isEqualTo(1);
    assertThat(
            registry.get("seedance.quota.refusals").tag("reason", "chat_seconds").counter().count())
        .isEqualTo(1);
  }

  @Test
  void everyMethodOfTheLedgerIsPassedOnNoneLeftAtItsDefault() {
    assertThat(Decorators.notPassedOn(QuotaLedger.class, MeteredQuotaLedger.class))
        .as("QuotaLedger methods MeteredQuotaLedger does not override")
        .isEmpty();
  }
}
