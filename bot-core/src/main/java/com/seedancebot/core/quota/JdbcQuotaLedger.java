package com.seedancebot.core.quota;

import com.seedancebot.core.quota.QuotaDecision.Denied;
import com.seedancebot.core.quota.QuotaDecision.Granted;
import com.seedancebot.core.quota.QuotaRules.Usage;
import com.seedancebot.core.quota.QuotaTables.Reservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link QuotaLedger} on the {@code quota_*} tables of {@code V2__quota.sql}, for H2 and
 * PostgreSQL. A reservation is one transaction that first updates one {@code quota_scope} row per
 * limited scope, in key order: the row locks make concurrent reservations of the same user, chat or
 * bot wait for each other, across threads and bot instances alike, so the usage each one counts is
 * current and no allowance is overspent. Lock conflicts the database reports (lock timeouts,
 * serialisation failures under stricter isolation) are retried a few times. Call it outside any
 * surrounding transaction.
 */
public final class JdbcQuotaLedger implements QuotaLedger {

  private static final int MAX_ATTEMPTS = 5;

  private final QuotaTables tables;
  private final TransactionTemplate transactions;
  private final QuotaPolicy policy;

  /** Uses the application's client and transactions (which must be on the same data source). */
  public JdbcQuotaLedger(JdbcClient jdbc, TransactionTemplate transactions, QuotaPolicy policy) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.tables = new QuotaTables(Objects.requireNonNull(jdbc, "jdbc"), transactions);
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** Runs its own read-committed transactions on {@code dataSource}. */
  public JdbcQuotaLedger(DataSource dataSource, QuotaPolicy policy) {
    this(JdbcClient.create(dataSource), readCommitted(dataSource), policy);
  }

  private static TransactionTemplate readCommitted(DataSource dataSource) {
    TransactionTemplate template = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    return template;
  }

  @Override
  public QuotaDecision reserve(
      String jobId, String userKey, String chatKey, int seconds, Instant now) {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(userKey, "userKey");
    Objects.requireNonNull(chatKey, "chatKey");
    if (seconds < 1) {
      throw new IllegalArgumentException("seconds must be at least 1, was " + seconds);
    }
    Optional<Reservation> known = tables.find(jobId);
    if (known.isPresent()) {
      return known.get().decision();
    }
    List<String> locks = lockKeys(userKey, chatKey);
    try {
      return retrying(
          () -> {
            tables.ensureScopeRows(locks);
            return transactions.execute(
                tx -> reserveLocked(locks, jobId, userKey, chatKey, seconds, now));
          });
    } catch (DuplicateKeyException sameJobReservedConcurrently) {
      return tables.find(jobId).orElseThrow().decision();
    }
  }

  private QuotaDecision reserveLocked(
      List<String> locks, String jobId, String userKey, String chatKey, int seconds, Instant now) {
    locks.forEach(tables::lock);
    Optional<Reservation> known = tables.find(jobId);
    if (known.isPresent()) {
      return known.get().decision();
    }
    List<Denied> denials = new ArrayList<>();
    for (QuotaScope scope : QuotaScope.values()) {
      if (policy.limits(scope)) {
        String key = scope == QuotaScope.USER ? userKey : chatKey;
        denials.addAll(check(jobId, scope, key, seconds, now));
      }
    }
    Optional<Denied> denial = QuotaRules.binding(denials);
    QuotaDecision decision = denial.isPresent() ? denial.get() : new Granted(jobId, seconds);
    tables.insert(decision, userKey, chatKey, seconds, now);
    return decision;
  }

  private List<Denied> check(String jobId, QuotaScope scope, String key, int seconds, Instant now) {
    Usage usage = tables.usage(scope, key, now);
    List<Denied> denials = new ArrayList<>();
    for (QuotaUnit unit : QuotaUnit.values()) {
      int limit = policy.limit(scope, unit);
      int used = usage.of(unit);
      int requested = QuotaRules.requested(unit, seconds);
      if (QuotaRules.exceeds(limit, used, requested)) {
        Instant resetsAt =
            QuotaRules.whenFits(tables.uses(scope, key, now), unit, used, requested, limit, now);
        denials.add(new Denied(jobId, scope, unit, limit, used, requested, resetsAt));
      }
    }
    return denials;
  }

  @Override
  public void settle(String jobId, int actualSeconds, Instant now) {
    if (actualSeconds < 0) {
      throw new IllegalArgumentException("actualSeconds must not be negative: " + actualSeconds);
    }
    Optional<Reservation> known = tables.find(jobId).filter(Reservation::reserved);
    if (known.isEmpty()) {
      return;
    }
    // Settling may count more seconds than were reserved: lock as a reservation does, so that a
    // concurrent reservation counts either the old or the new figure, never a stale one.
    List<String> locks = lockKeys(known.get().userKey(), known.get().chatKey());
    retrying(
        () -> {
          tables.ensureScopeRows(locks);
          return transactions.execute(
              tx -> {
                locks.forEach(tables::lock);
                return tables.settle(jobId, actualSeconds, now);
              });
        });
  }

  @Override
  public void refund(String jobId, Instant now) {
    // One conditional update: it only ever lowers usage, so it needs no scope lock.
    tables.refund(jobId, now);
  }

  @Override
  public QuotaSnapshot remaining(String userKey, String chatKey, Instant now) {
    return new QuotaSnapshot(
        scope(QuotaScope.USER, userKey, now),
        scope(QuotaScope.CHAT, chatKey, now),
        scope(QuotaScope.GLOBAL, null, now));
  }

  @Override
  public int purge(Instant now) {
    return tables.purge(now.minus(QuotaPolicy.WINDOW));
  }

  private QuotaSnapshot.Scope scope(QuotaScope scope, String key, Instant now) {
    Usage usage = tables.usage(scope, key, now);
    return new QuotaSnapshot.Scope(
        scope,
        new QuotaAllowance(policy.limit(scope, QuotaUnit.JOBS), usage.jobs()),
        new QuotaAllowance(policy.limit(scope, QuotaUnit.SECONDS), usage.seconds()),
        usage.oldestExpiresAt());
  }

  /** The lock rows of the limited scopes, in the one order every transaction takes them. */
  private List<String> lockKeys(String userKey, String chatKey) {
    TreeSet<String> keys = new TreeSet<>();
    if (policy.limits(QuotaScope.USER)) {
      keys.add("user:" + userKey);
    }
    if (policy.limits(QuotaScope.CHAT)) {
      keys.add("chat:" + chatKey);
    }
    if (policy.limits(QuotaScope.GLOBAL)) {
      keys.add("global");
    }
    return List.copyOf(keys);
  }

  private static <T> T retrying(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (ConcurrencyFailureException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
