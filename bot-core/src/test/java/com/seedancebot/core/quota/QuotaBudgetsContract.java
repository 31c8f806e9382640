package com.seedancebot.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.quota.QuotaDecision.Denied;
import com.seedancebot.core.quota.QuotaDecision.Granted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The {@link QuotaLedger} contract for budgets beyond daily jobs and seconds: money (in
 * millionths), the server scope and 30-day limits, run against every database with {@link
 * QuotaLedgerContract}.
 */
abstract class QuotaBudgetsContract extends QuotaLedgerContract {

  static final long ONE_YUAN = 1_000_000;
  static final QuotaKeys ALICE_IN_C1 = new QuotaKeys("DISCORD:1", "DISCORD:c1", "DISCORD:server:9");

  private final QuotaTextFormatter texts = new QuotaTextFormatter(new Messages(), "CNY");

  private JdbcQuotaLedger ledger() {
    return new JdbcQuotaLedger(database(), QuotaLimits.unlimited());
  }

  private static QuotaLimits userBudget(QuotaBudget budget) {
    return QuotaLimits.unlimited().withUser(budget);
  }

  private static QuotaBudget moneyPerDay(long millionths) {
    return new QuotaBudget(0, 0, millionths, 0, 0, 0);
  }

  @Test
  void manyConcurrentReservationsNeverOverspendAMoneyBudget() throws Exception {
    QuotaLimits limits = userBudget(moneyPerDay(10 * ONE_YUAN));

    List<QuotaDecision> decisions =
        reserveConcurrently(100, i -> ALICE_IN_C1, limits, 5, 3 * ONE_YUAN / 2);

    assertThat(decisions).filteredOn(Granted.class::isInstance).hasSize(6);
    assertThat(decisions)
        .filteredOn(Denied.class::isInstance)
        .hasSize(94)
        .map(d -> (Denied) d)
        .allSatisfy(
            d -> {
              assertThat(d.scope()).isEqualTo(QuotaScope.USER);
              assertThat(d.unit()).isEqualTo(QuotaUnit.MONEY);
              assertThat(d.used()).isEqualTo(9 * ONE_YUAN);
            });
    QuotaSnapshot.Scope mine = ledger().remaining(ALICE_IN_C1, limits, T0).user();
    assertThat(mine.money().used()).isEqualTo(9 * ONE_YUAN);
    assertThat(mine.money().left()).isEqualTo(ONE_YUAN);
  }

  @Test
  void manyUsersInTwoChannelsNeverOverspendTheirServer() throws Exception {
    QuotaLimits limits = QuotaLimits.unlimited().withServer(QuotaBudget.daily(7, 0));

    List<QuotaDecision> decisions =
        reserveConcurrently(
            60,
            i -> new QuotaKeys("DISCORD:" + i, "DISCORD:c" + (i % 2), "DISCORD:server:9"),
            limits,
            5,
            0);

    assertThat(decisions).filteredOn(Granted.class::isInstance).hasSize(7);
    assertThat(decisions)
        .filteredOn(Denied.class::isInstance)
        .map(d -> ((Denied) d).scope())
        .containsOnly(QuotaScope.SERVER);
    QuotaKeys elsewhere = new QuotaKeys("DISCORD:99", "DISCORD:c5", "DISCORD:server:10");
    assertThat(ledger().reserve("other-server", elsewhere, limits, 5, 0, T0))
        .isInstanceOf(Granted.class);
  }

  @Test
  void aFailedJobGivesItsMoneyBack() {
    QuotaLimits limits = userBudget(moneyPerDay(10 * ONE_YUAN));
    QuotaLedger ledger = ledger();
    ledger.reserve("a", ALICE_IN_C1, limits, 5, 6 * ONE_YUAN, T0);
    Denied second = (Denied) ledger.reserve("b", ALICE_IN_C1, limits, 5, 6 * ONE_YUAN, T0);

    ledger.refund("a", T0.plusSeconds(60));

    assertThat(second.left()).isEqualTo(4 * ONE_YUAN);
    assertThat(ledger.remaining(ALICE_IN_C1, limits, T0.plusSeconds(61)).user().money().left())
        .isEqualTo(10 * ONE_YUAN);
    assertThat(ledger.reserve("c", ALICE_IN_C1, limits, 5, 6 * ONE_YUAN, T0.plusSeconds(62)))
        .isInstanceOf(Granted.class);
  }

  @Test
  void settlingCountsTheActualCostInsteadOfTheEstimate() {
    QuotaLimits limits = userBudget(moneyPerDay(10 * ONE_YUAN));
    QuotaLedger ledger = ledger();
    ledger.reserve("cheaper", ALICE_IN_C1, limits, 5, 5 * ONE_YUAN, T0);
    ledger.reserve("as-estimated", ALICE_IN_C1, limits, 4, 2 * ONE_YUAN, T0);

    ledger.settle("cheaper", 5, 3_200_000L, T0.plusSeconds(90));
    ledger.settle("as-estimated", 4, T0.plusSeconds(90));

    assertThat(ledger.remaining(ALICE_IN_C1, limits, T0.plusSeconds(91)).user().money().used())
        .isEqualTo(5_200_000L);
  }

  @Test
  void aMonthlyBudgetKeepsCountingAfterTheDay() {
    QuotaLimits limits = userBudget(new QuotaBudget(0, 0, 0, 2, 0, 0));
    QuotaLedger ledger = ledger();
    ledger.reserve("a", ALICE_IN_C1, limits, 5, 0, T0);
    ledger.reserve("b", ALICE_IN_C1, limits, 5, 0, T0.plus(Duration.ofHours(1)));
    Instant twoDaysLater = T0.plus(Duration.ofDays(2));

    Denied third = (Denied) ledger.reserve("c", ALICE_IN_C1, limits, 5, 0, twoDaysLater);

    assertThat(third.period()).isEqualTo(QuotaPeriod.MONTH);
    assertThat(third.resetsAt()).isEqualTo(T0.plus(Duration.ofDays(30)));
    assertThat(texts.denial(Locale.ENGLISH, third, twoDaysLater))
        .isEqualTo(
            "Your allowance of 2 video(s) per 30 days is used up. The next video can start in 672"
                + " h 0 min.");
    assertThat(ledger.reserve("d", ALICE_IN_C1, limits, 5, 0, T0.plus(Duration.ofDays(31))))
        .isInstanceOf(Granted.class);
  }

  @Test
  void aUserOutOfMoneyIsToldWhatIsLeftInTheirLanguage() {
    QuotaLimits limits = userBudget(moneyPerDay(10 * ONE_YUAN));
    QuotaLedger ledger = ledger();
    ledger.reserve("a", ALICE_IN_C1, limits, 5, 6 * ONE_YUAN, T0);
    Instant later = T0.plus(Duration.ofHours(1));

    Denied denied = (Denied) ledger.reserve("b", ALICE_IN_C1, limits, 5, 5_009_400L, later);

    assertThat(texts.denial(Locale.ENGLISH, denied, later))
        .isEqualTo(
            "Your allowance of 10.00 CNY per 24 hours has 4.00 CNY left, but this video needs"
                + " 5.01 CNY. Enough frees up in 23 h 0 min, or choose a shorter video.");
    assertThat(texts.denial(Locale.CHINESE, denied, later))
        .isEqualTo(
            "你的额度为每 24 小时 10.00 CNY，只剩 4.00 CNY，但这个视频需要 5.01 CNY。23 小时 0"
                + " 分钟后会释放足够的额度，或者选择更短的视频。");
  }

  @Test
  void theQuotaCommandShowsMoneyBesideJobsAndSeconds() {
    QuotaLimits limits =
        new QuotaLimits(
            new QuotaBudget(5, 60, 10 * ONE_YUAN, 0, 0, 0),
            QuotaBudget.unlimited(),
            new QuotaBudget(0, 0, 0, 100, 0, 0),
            QuotaBudget.unlimited());
    QuotaLedger ledger = ledger();
    ledger.reserve("a", ALICE_IN_C1, limits, 5, 2_500_000L, T0);

    String text = texts.snapshot(Locale.ENGLISH, ledger.remaining(ALICE_IN_C1, limits, T0), T0);

    assertThat(text)
        .isEqualTo(
            "Quota over the last 24 hours:\n"
                + "You: 4 of 5 videos left, 55 of 60 s left, 7.50 CNY of 10.00 CNY left; the oldest"
                + " use frees up in 24 h 0 min\n"
                + "This chat: videos unlimited (1 used), seconds unlimited (5 s used), money"
                + " unlimited (2.50 CNY used); the oldest use frees up in 24 h 0 min\n"
                + "This server: videos unlimited (1 used), seconds unlimited (5 s used), money"
                + " unlimited (2.50 CNY used); the oldest use frees up in 24 h 0 min\n"
                + "This server, last 30 days: 99 of 100 videos left, seconds unlimited (5 s"
                + " used), money unlimited (2.50 CNY used)");
  }
}
