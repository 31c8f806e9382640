package com.seedancebot.core.quota;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.quota.QuotaDecision.Denied;
import com.seedancebot.core.quota.QuotaDecision.Granted;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link QuotaLedger} contract, run against {@link JdbcQuotaLedger} on every database we
 * support. Time is passed explicitly: {@link #T0} plus offsets is the controlled clock.
 */
abstract class QuotaLedgerContract {

  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final String ALICE = "TELEGRAM:1001";
  static final String BOB = "TELEGRAM:1002";
  static final String CAROL = "TELEGRAM:1003";
  static final String GROUP = "TELEGRAM:-500";
  static final String OTHER_GROUP = "TELEGRAM:-600";

  private final QuotaTextFormatter texts = new QuotaTextFormatter(new Messages());
  private Supplier<DataSource> database;

  /** A fresh, empty database; each call to the supplier opens another pool onto that same one. */
  protected abstract Supplier<DataSource> freshDatabase();

  @BeforeEach
  void migrate() {
    database = freshDatabase();
    Flyway.configure()
        .dataSource(database.get())
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  QuotaLedger ledger(QuotaPolicy policy) {
    return new JdbcQuotaLedger(database.get(), policy);
  }

  /** Another pool onto the test's database, as another bot instance would open. */
  DataSource database() {
    return database.get();
  }

  private static QuotaPolicy user(int jobs, int seconds) {
    return new QuotaPolicy(jobs, seconds, 0, 0, 0, 0);
  }

  @Test
  void manyConcurrentReservationsNeverOverspendAJobLimit() throws Exception {
    QuotaPolicy policy = user(10, 0);

    List<QuotaDecision> decisions = reserveConcurrently(policy, 200, 5);

    assertThat(decisions).filteredOn(Granted.class::isInstance).hasSize(10);
    assertThat(decisions)
        .filteredOn(Denied.class::isInstance)
        .hasSize(190)
        .map(d -> (Denied) d)
        .allSatisfy(
            d -> {
              assertThat(d.scope()).isEqualTo(QuotaScope.USER);
              assertThat(d.unit()).isEqualTo(QuotaUnit.JOBS);
              assertThat(d.limit()).isEqualTo(10);
              assertThat(d.used()).isEqualTo(10);
              assertThat(d.resetsAt()).isEqualTo(T0.plus(QuotaPolicy.WINDOW));
            });
    QuotaSnapshot.Scope mine = ledger(policy).remaining(ALICE, GROUP, T0).user();
    assertThat(mine.jobs().left()).isZero();
    assertThat(mine.jobs().used()).isEqualTo(10);
  }

  @Test
  void manyConcurrentReservationsNeverOverspendASecondsLimit() throws Exception {
    QuotaPolicy policy = user(0, 100);

    List<QuotaDecision> decisions = reserveConcurrently(policy, 200, 10);

    assertThat(decisions).filteredOn(Granted.class::isInstance).hasSize(10);
    assertThat(decisions)
        .filteredOn(Denied.class::isInstance)
        .hasSize(190)
        .map(d -> (Denied) d)
        .allSatisfy(
            d -> {
              assertThat(d.scope()).isEqualTo(QuotaScope.USER);
              assertThat(d.unit()).isEqualTo(QuotaUnit.SECONDS);
              assertThat(d.used()).isEqualTo(100);
            });
    QuotaSnapshot.Scope mine = ledger(policy).remaining(ALICE, GROUP, T0).user();
    assertThat(mine.seconds().left()).isZero();
    assertThat(mine.seconds().used()).isEqualTo(100);
  }

  /** Reserves from 32 threads released at once, through two ledgers as two bot instances would. */
  private List<QuotaDecision> reserveConcurrently(QuotaPolicy policy, int count, int seconds)
      throws Exception {
    return reserveConcurrently(
        count, i -> new QuotaKeys(ALICE, GROUP, GROUP), policy.toLimits(), seconds, 0);
  }

  /**
   * Reserves {@code count} jobs of {@code seconds} and {@code money} for {@code keys(i)} under
   * {@code limits}, from 32 threads released at once, through two ledgers as two bot instances
   * would.
   */
  List<QuotaDecision> reserveConcurrently(
      int count, IntFunction<QuotaKeys> keys, QuotaLimits limits, int seconds, long money)
      throws Exception {
    List<QuotaLedger> instances =
        List.of(
            new JdbcQuotaLedger(database.get(), limits),
            new JdbcQuotaLedger(database.get(), limits));
    ExecutorService pool = Executors.newFixedThreadPool(32);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<QuotaDecision>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        QuotaLedger instance = instances.get(i % 2);
        String jobId = "job-" + i;
        QuotaKeys who = keys.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return instance.reserve(jobId, who, limits, seconds, money, T0);
                }));
      }
      start.countDown();
      List<QuotaDecision> decisions = new ArrayList<>();
      for (Future<QuotaDecision> future : futures) {
        decisions.add(future.get(2, TimeUnit.MINUTES));
      }
      return decisions;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void settlingAtTheRealLengthGivesBackTheUnusedSeconds() {
    QuotaLedger ledger = ledger(user(0, 30));
    ledger.reserve("auto", ALICE, GROUP, 15, T0);

    ledger.settle("auto", 6, T0.plusSeconds(90));

    assertThat(ledger.remaining(ALICE, GROUP, T0.plusSeconds(91)).user().seconds().left())
        .isEqualTo(24);
    assertThat(ledger.reserve("next", ALICE, GROUP, 24, T0.plusSeconds(92)))
        .isEqualTo(new Granted("next", 24));
  }

  @Test
  void settlingWithinTheReservationNeverWaitsForAScopeLockButALongerVideoDoes() throws Exception {
    QuotaLedger ledger = ledger(user(0, 30));
    ledger.reserve("as-estimated", ALICE, GROUP, 5, T0);
    ledger.reserve("longer", ALICE, GROUP, 5, T0);
    ExecutorService settler = Executors.newSingleThreadExecutor();
    try (Connection other = database().getConnection()) {
      other.setAutoCommit(false); // another reservation holds Alice's scope meanwhile
      try (Statement lock = other.createStatement()) {
        lock.executeUpdate(
            "UPDATE quota_scope SET version = version + 1 WHERE scope_key = 'user:" + ALICE + "'");
      }

      settler.submit(() -> ledger.settle("as-estimated", 5, T0.plusSeconds(60))).get(5, SECONDS);
      Future<?> longer = settler.submit(() -> ledger.settle("longer", 12, T0.plusSeconds(61)));
      Thread.sleep(500);
      assertThat(longer).isNotDone();

      other.commit();
      longer.get(10, SECONDS);
    } finally {
      settler.shutdownNow();
    }
    assertThat(ledger.remaining(ALICE, GROUP, T0.plusSeconds(62)).user().seconds().used())
        .isEqualTo(17);
  }

  @Test
  void settlingALongerVideoCountsItsRealLength() {
    QuotaLedger ledger = ledger(user(0, 30));
    ledger.reserve("long", ALICE, GROUP, 5, T0);

    ledger.settle("long", 12, T0.plusSeconds(90));

    assertThat(ledger.remaining(ALICE, GROUP, T0.plusSeconds(91)).user().seconds().used())
        .isEqualTo(12);
  }

  @Test
  void theSameJobReservedFromManyThreadsAtOnceCountsOnce() throws Exception {
    List<QuotaLedger> instances = List.of(ledger(user(5, 0)), ledger(user(5, 0)));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<QuotaDecision>> futures = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        QuotaLedger instance = instances.get(i % 2);
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return instance.reserve("retried", ALICE, GROUP, 5, T0);
                }));
      }
      start.countDown();
      for (Future<QuotaDecision> future : futures) {
        assertThat(future.get(2, TimeUnit.MINUTES)).isEqualTo(new Granted("retried", 5));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(instances.get(0).remaining(ALICE, GROUP, T0).user().jobs().used()).isEqualTo(1);
  }

  @Test
  void settlingOrRefundingAgainChangesNothing() {
    QuotaLedger ledger = ledger(user(10, 100));
    ledger.reserve("done", ALICE, GROUP, 15, T0);
    ledger.reserve("failed", ALICE, GROUP, 10, T0);

    ledger.settle("done", 8, T0.plusSeconds(60));
    ledger.settle("done", 12, T0.plusSeconds(61));
    ledger.refund("done", T0.plusSeconds(62));
    ledger.refund("failed", T0.plusSeconds(63));
    ledger.refund("failed", T0.plusSeconds(64));
    ledger.settle("failed", 10, T0.plusSeconds(65));
    ledger.settle("unknown", 10, T0.plusSeconds(66));
    ledger.refund("unknown", T0.plusSeconds(67));

    QuotaSnapshot.Scope mine = ledger.remaining(ALICE, GROUP, T0.plusSeconds(70)).user();
    assertThat(mine.jobs().used()).isEqualTo(1);
    assertThat(mine.seconds().used()).isEqualTo(8);
  }

  @Test
  void aRefundGivesTheJobBack() {
    QuotaLedger ledger = ledger(user(1, 0));
    ledger.reserve("first", ALICE, GROUP, 5, T0);
    assertThat(ledger.reserve("second", ALICE, GROUP, 5, T0)).isInstanceOf(Denied.class);

    ledger.refund("first", T0.plusSeconds(30));

    assertThat(ledger.reserve("third", ALICE, GROUP, 5, T0.plusSeconds(31)))
        .isEqualTo(new Granted("third", 5));
  }

  @Test
  void reservingTheSameJobAgainReturnsTheFirstDecisionAndCountsOnce() {
    QuotaLedger ledger = ledger(user(1, 0));
    QuotaDecision granted = ledger.reserve("job", ALICE, GROUP, 5, T0);
    QuotaDecision denied = ledger.reserve("late", ALICE, GROUP, 5, T0);

    ledger.refund("job", T0.plusSeconds(1));

    assertThat(ledger.reserve("job", ALICE, GROUP, 9, T0.plusSeconds(2))).isEqualTo(granted);
    assertThat(ledger.reserve("late", ALICE, GROUP, 5, T0.plusSeconds(3))).isEqualTo(denied);
    assertThat(ledger.remaining(ALICE, GROUP, T0.plusSeconds(4)).user().jobs().used()).isZero();
  }

  @Test
  void aUseStopsCountingOnce24HoursHavePassed() {
    QuotaLedger ledger = ledger(user(1, 0));
    ledger.reserve("old", ALICE, GROUP, 5, T0);

    QuotaDecision justBefore =
        ledger.reserve("early", ALICE, GROUP, 5, T0.plus(Duration.ofHours(24)).minusSeconds(1));
    QuotaDecision justAfter =
        ledger.reserve("later", ALICE, GROUP, 5, T0.plus(Duration.ofHours(24)).plusSeconds(1));

    assertThat(justBefore)
        .isEqualTo(
            new Denied(
                "early", QuotaScope.USER, QuotaUnit.JOBS, 1, 1, 1, T0.plus(Duration.ofHours(24))));
    assertThat(justAfter).isEqualTo(new Granted("later", 5));
  }

  @Test
  void userAndChatLimitsApplyTogether() {
    QuotaLedger ledger = ledger(new QuotaPolicy(2, 0, 3, 0, 0, 0));
    ledger.reserve("a1", ALICE, GROUP, 5, T0);
    ledger.reserve("a2", ALICE, GROUP, 5, T0);

    Denied aliceAgain = (Denied) ledger.reserve("a3", ALICE, OTHER_GROUP, 5, T0);
    QuotaDecision bobFirst = ledger.reserve("b1", BOB, GROUP, 5, T0);
    Denied bobSecond = (Denied) ledger.reserve("b2", BOB, GROUP, 5, T0);
    QuotaDecision bobElsewhere = ledger.reserve("b3", BOB, OTHER_GROUP, 5, T0);

    assertThat(aliceAgain.scope()).isEqualTo(QuotaScope.USER);
    assertThat(bobFirst).isInstanceOf(Granted.class);
    assertThat(bobSecond.scope()).isEqualTo(QuotaScope.CHAT);
    assertThat(bobSecond.used()).isEqualTo(3);
    assertThat(bobElsewhere).isInstanceOf(Granted.class);
    QuotaSnapshot bobsView = ledger.remaining(BOB, GROUP, T0);
    assertThat(bobsView.user().jobs().left()).isZero();
    assertThat(bobsView.chat().jobs().left()).isZero();
    assertThat(ledger.remaining(CAROL, OTHER_GROUP, T0).chat().jobs().left()).isEqualTo(2);
  }

  @Test
  void whenSeveralLimitsBlockTheOneThatFreesUpLastIsReported() {
    QuotaLedger ledger = ledger(new QuotaPolicy(1, 0, 2, 0, 0, 0));
    ledger.reserve("bob", BOB, GROUP, 5, T0);
    ledger.reserve("alice", ALICE, GROUP, 5, T0.plus(Duration.ofHours(1)));

    Denied alice = (Denied) ledger.reserve("alice2", ALICE, GROUP, 5, T0.plus(Duration.ofHours(2)));
    Denied carol = (Denied) ledger.reserve("carol", CAROL, GROUP, 5, T0.plus(Duration.ofHours(2)));

    assertThat(alice.scope()).isEqualTo(QuotaScope.USER);
    assertThat(alice.resetsAt()).isEqualTo(T0.plus(Duration.ofHours(25)));
    assertThat(carol.scope()).isEqualTo(QuotaScope.CHAT);
    assertThat(carol.resetsAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
  }

  @Test
  void aGlobalCapCountsEveryoneEverywhere() {
    QuotaLedger ledger = ledger(new QuotaPolicy(0, 0, 0, 0, 2, 0));
    ledger.reserve("a", ALICE, GROUP, 5, T0);
    ledger.reserve("b", BOB, OTHER_GROUP, 5, T0);

    Denied carol = (Denied) ledger.reserve("c", CAROL, "DISCORD:server:9", 5, T0);

    assertThat(carol.scope()).isEqualTo(QuotaScope.GLOBAL);
    assertThat(ledger.remaining(CAROL, "DISCORD:server:9", T0).global().jobs().left()).isZero();
  }

  @Test
  void secondsFreeUpOldestFirstUntilTheJobFits() {
    QuotaLedger ledger = ledger(user(0, 30));
    ledger.reserve("a", ALICE, GROUP, 10, T0);
    ledger.reserve("b", ALICE, GROUP, 10, T0.plus(Duration.ofHours(1)));
    ledger.reserve("c", ALICE, GROUP, 5, T0.plus(Duration.ofHours(2)));

    Denied tooLong = (Denied) ledger.reserve("d", ALICE, GROUP, 20, T0.plus(Duration.ofHours(3)));

    assertThat(tooLong.used()).isEqualTo(25);
    assertThat(tooLong.left()).isEqualTo(5);
    assertThat(tooLong.resetsAt()).isEqualTo(T0.plus(Duration.ofHours(25)));
  }

  @Test
  void aJobLongerThanTheWholeAllowanceIsToldItNeverFits() {
    QuotaLedger ledger = ledger(user(0, 10));

    Denied denied = (Denied) ledger.reserve("long", ALICE, GROUP, 15, T0);

    assertThat(denied.fitsEver()).isFalse();
    assertThat(texts.denial(Locale.ENGLISH, denied, T0))
        .isEqualTo(
            "This video needs 15 s, more than your whole allowance of 10 s per 24 hours."
                + " Choose a shorter duration.");
  }

  @Test
  void theUserIsToldWhyAndWhenInTheirLanguage() {
    QuotaLedger ledger = ledger(user(2, 0));
    ledger.reserve("a", ALICE, GROUP, 5, T0);
    ledger.reserve("b", ALICE, GROUP, 5, T0.plus(Duration.ofMinutes(30)));
    Instant now = T0.plus(Duration.ofHours(3));

    Denied denied = (Denied) ledger.reserve("c", ALICE, GROUP, 5, now);

    assertThat(texts.denial(Locale.ENGLISH, denied, now))
        .isEqualTo(
            "You have used 2 of your 2 videos per 24 hours. You can start the next one in 21 h 0"
                + " min.");
    assertThat(texts.denial(Locale.SIMPLIFIED_CHINESE, denied, now))
        .isEqualTo("你每 24 小时可生成 2 个视频，已用 2 个。21 小时 0 分钟后可以生成下一个。");
  }

  @Test
  void theQuotaCommandShowsWhatIsLeftAndWhenTheOldestUseFreesUp() {
    QuotaLedger ledger = ledger(new QuotaPolicy(5, 60, 20, 0, 0, 0));
    ledger.reserve("a", ALICE, GROUP, 15, T0);
    ledger.settle("a", 10, T0.plusSeconds(120));
    Instant now = T0.plus(Duration.ofMinutes(90));

    String text = texts.snapshot(Locale.ENGLISH, ledger.remaining(ALICE, GROUP, now), now);

    assertThat(text)
        .isEqualTo(
            "Quota over the last 24 hours:\n"
                + "You: 4 of 5 videos left, 50 of 60 s left; the oldest use frees up in 22 h 30"
                + " min\n"
                + "This chat: 19 of 20 videos left, seconds unlimited (10 s used); the oldest use"
                + " frees up in 22 h 30 min");
  }

  @Test
  void withoutLimitsEverythingIsGrantedAndStillCounted() {
    QuotaLedger ledger = ledger(QuotaPolicy.unlimited());

    QuotaDecision decision = ledger.reserve("free", ALICE, GROUP, 15, T0);

    assertThat(decision).isEqualTo(new Granted("free", 15));
    QuotaSnapshot snapshot = ledger.remaining(ALICE, GROUP, T0);
    assertThat(snapshot.user().unlimited()).isTrue();
    assertThat(snapshot.global().jobs().used()).isEqualTo(1);
  }

  @Test
  void purgingForgetsOnlyFinishedJobsOlderThanTheLongestWindow() {
    QuotaLedger ledger = ledger(user(1, 0));
    ledger.reserve("settled", ALICE, GROUP, 5, T0);
    ledger.settle("settled", 5, T0.plusSeconds(60));
    ledger.reserve("denied", ALICE, GROUP, 5, T0);
    ledger.reserve("stuck", BOB, GROUP, 5, T0);
    ledger.reserve("recent", CAROL, GROUP, 5, T0.plus(Duration.ofDays(2)));
    ledger.refund("recent", T0.plus(Duration.ofDays(2)));
    Instant later = T0.plus(Duration.ofDays(31));

    int forgotten = ledger.purge(later);

    assertThat(forgotten).isEqualTo(2);
    assertThat(ledger.reserve("denied", ALICE, GROUP, 5, later))
        .isEqualTo(new Granted("denied", 5));
    assertThat(ledger.reserve("stuck", BOB, GROUP, 7, later)).isEqualTo(new Granted("stuck", 5));
  }
}
