package com.seedancebot.telegram.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.telegram.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the instances of a bot rely on in the shared database, run on every database the bot
 * supports: an update is kept once per id and claimed by one owner at a time, albums are claimed
 * whole once quiet, one poller holds the polling lease, and the webhook fingerprint is kept.
 */
abstract class TelegramStoreContract {
  private static final long BOT = 7001234567L;
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(30);

  private static final Map<Class<?>, DataSource> DATABASES = new ConcurrentHashMap<>();

  private DataSource db;
  private JdbcUpdateInbox inbox;

  /** A new, migrated database (one per test class, emptied before each test). */
  protected abstract DataSource freshDatabase();

  @BeforeEach
  void open() {
    db = DATABASES.computeIfAbsent(getClass(), c -> freshDatabase());
    TestDatabases.clearTelegramTables(db);
    inbox = new JdbcUpdateInbox(db, BOT);
  }

  @Test
  void anUpdateIdIsKeptOnceAndAnotherBotsIdsAreItsOwn() {
    assertThat(inbox.add(501, "{\"update_id\":501}", null, T0)).isTrue();
    assertThat(inbox.add(501, "{\"update_id\":501,\"again\":1}", null, T0)).isFalse();
    assertThat(new JdbcUpdateInbox(db, 42L).add(501, "{}", null, T0)).isTrue();

    assertThat(inbox.claim(501, "a", T0, T0.plus(LEASE))).contains("{\"update_id\":501}");
  }

  @Test
  void oneOwnerAtATimeUntilItsLeaseRunsOutAndNobodyOnceDone() {
    inbox.add(7, "seven", null, T0);

    assertThat(inbox.claim(7, "a", T0, T0.plus(LEASE))).contains("seven");
    assertThat(inbox.claim(7, "b", T0.plusSeconds(29), T0.plusSeconds(59))).isEmpty();
    assertThat(inbox.unclaimed(T0.plusSeconds(29), 10)).isEmpty();

    // a died: after its lease another takes the update over, and a can no longer finish it
    assertThat(inbox.unclaimed(T0.plusSeconds(31), 10)).containsExactly(7L);
    assertThat(inbox.claim(7, "b", T0.plusSeconds(31), T0.plusSeconds(61))).contains("seven");
    assertThat(inbox.markDone(7, "a", T0.plusSeconds(32))).isFalse();
    assertThat(inbox.markDone(7, "b", T0.plusSeconds(32))).isTrue();

    assertThat(inbox.claim(7, "c", T0.plusSeconds(100), T0.plusSeconds(130))).isEmpty();
    assertThat(inbox.unclaimed(T0.plusSeconds(100), 10)).isEmpty();
  }

  @Test
  void aRenewedLeaseKeepsOthersOff() {
    inbox.add(8, "eight", null, T0);
    inbox.claim(8, "a", T0, T0.plus(LEASE));

    inbox.renew("a", List.of(8L), List.of(), T0.plusSeconds(50));

    assertThat(inbox.claim(8, "b", T0.plusSeconds(40), T0.plusSeconds(70))).isEmpty();
  }

  @Test
  void concurrentClaimsOfOneUpdateHaveOneWinner() throws Exception {
    inbox.add(9, "nine", null, T0);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Optional<String>>> claims = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String owner = "owner-" + i;
        Callable<Optional<String>> claim = () -> inbox.claim(9, owner, T0, T0.plus(LEASE));
        claims.add(pool.submit(claim));
      }
      int won = 0;
      for (Future<Optional<String>> claim : claims) {
        won += claim.get().isPresent() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anUpdateThatKeepsKillingItsProcessorIsGivenUp() {
    inbox.add(10, "poison", null, T0);
    Instant at = T0;
    for (int i = 0; i < JdbcUpdateInbox.MAX_ATTEMPTS; i++) {
      assertThat(inbox.claim(10, "a" + i, at, at.plus(LEASE))).isPresent();
      at = at.plus(LEASE).plusSeconds(1);
    }

    assertThat(inbox.unclaimed(at, 10)).isEmpty();
    assertThat(inbox.claim(10, "z", at, at.plus(LEASE))).isEmpty();
  }

  @Test
  void anAlbumIsClaimedWholeOnceNoPartCameForTheQuietPeriod() {
    inbox.add(20, "part-b", "-100:g1", T0.plusMillis(300));
    inbox.add(19, "part-a", "-100:g1", T0);
    inbox.add(21, "single", null, T0);
    Duration quiet = Duration.ofMillis(1500);

    assertThat(inbox.unclaimed(T0.plusSeconds(5), 10))
        .as("parts wait for the album")
        .containsExactly(21L);
    assertThat(inbox.settledAlbums(T0.plusMillis(1000).minus(quiet), T0.plusMillis(1000), 10))
        .isEmpty();
    Instant now = T0.plusMillis(1800);
    assertThat(inbox.settledAlbums(now.minus(quiet), now, 10)).containsExactly("-100:g1");

    assertThat(inbox.claimAlbum("-100:g1", "a", now, now.plus(LEASE)))
        .containsExactly("part-a", "part-b");
    assertThat(inbox.claimAlbum("-100:g1", "b", now, now.plus(LEASE))).isEmpty();
    assertThat(inbox.settledAlbums(now.minus(quiet), now, 10)).isEmpty();

    inbox.markAlbumDone("-100:g1", "a", now);
    Instant later = now.plus(LEASE).plusSeconds(1);
    assertThat(inbox.settledAlbums(later.minus(quiet), later, 10)).isEmpty();
  }

  @Test
  void aRestartedInstanceTakesUpItsOwnUnfinishedUpdatesAtOnce() {
    inbox.add(30, "thirty", null, T0);
    inbox.claim(30, "me", T0, T0.plus(LEASE));

    assertThat(inbox.releaseAll("me")).isEqualTo(1);

    assertThat(inbox.unclaimed(T0.plusSeconds(1), 10)).containsExactly(30L);
  }

  @Test
  void updatesOlderThanTheRetentionArePruned() {
    inbox.add(40, "old", null, T0);
    inbox.add(41, "new", null, T0.plus(Duration.ofDays(2)));

    assertThat(inbox.prune(T0.plus(Duration.ofDays(1)))).isEqualTo(1);

    assertThat(inbox.add(41, "new", null, T0)).isFalse();
    assertThat(inbox.add(40, "old", null, T0)).as("forgotten").isTrue();
  }

  @Test
  void onePollerHoldsTheLeaseUntilItStopsRenewingOrGivesItUp() {
    JdbcPollerLease lease = new JdbcPollerLease(db, BOT);

    assertThat(lease.tryHold("a", T0, T0.plus(LEASE))).isTrue();
    assertThat(lease.tryHold("b", T0.plusSeconds(1), T0.plusSeconds(31))).isFalse();
    assertThat(lease.tryHold("a", T0.plusSeconds(10), T0.plusSeconds(40))).as("renewed").isTrue();
    assertThat(lease.tryHold("b", T0.plusSeconds(35), T0.plusSeconds(65))).isFalse();
    assertThat(lease.holder(T0.plusSeconds(35))).contains("a");

    assertThat(lease.tryHold("b", T0.plusSeconds(41), T0.plusSeconds(71))).as("a died").isTrue();
    assertThat(lease.tryHold("a", T0.plusSeconds(42), T0.plusSeconds(72))).isFalse();

    lease.release("b");
    assertThat(lease.holder(T0.plusSeconds(43))).isEmpty();
    assertThat(lease.tryHold("a", T0.plusSeconds(43), T0.plusSeconds(73))).isTrue();
  }

  @Test
  void concurrentFirstPollersHaveOneWinner() throws Exception {
    JdbcPollerLease lease = new JdbcPollerLease(db, BOT);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> holds = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String owner = "owner-" + i;
        holds.add(pool.submit(() -> lease.tryHold(owner, T0, T0.plus(LEASE))));
      }
      int held = 0;
      for (Future<Boolean> hold : holds) {
        held += hold.get() ? 1 : 0;
      }
      assertThat(held).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theWebhookFingerprintIsKeptAndReplaced() {
    JdbcWebhookRecord record = new JdbcWebhookRecord(db, BOT);
    assertThat(record.fingerprint()).isEmpty();

    record.save("f1", T0);
    record.save("f2", T0.plusSeconds(1));

    assertThat(record.fingerprint()).contains("f2");
  }
}
