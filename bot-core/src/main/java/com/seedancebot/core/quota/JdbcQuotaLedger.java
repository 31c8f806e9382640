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
 * {@link QuotaLedger} on the {@code quota_*} tables of {@code V2__quota.sql} and {@code
 * V17__quota_tiers.sql}, for H2 and PostgreSQL. A reservation is one transaction that first updates
 * one {@code quota_scope} row per limited scope, in key order: the row locks make concurrent
 * reservations of the same user, chat or bot wait for each other, across threads and bot instances
 * alike, so the usage each one counts is current and no allowance is overspent. Lock conflicts the
 * database reports (lock timeouts, serialisation failures under stricter isolation) are retried a
 * few times. Call it outside any surrounding transaction.
 */
public final class JdbcQuotaLedger implements QuotaLedger {

  private static final int MAX_ATTEMPTS = 5;

  private final QuotaTables tables;
  private final TransactionTemplate transactions;
  private final QuotaLimits defaults;

  /** Uses the application's client and transactions (which must be on the same data source). */
  public JdbcQuotaLedger(JdbcClient jdbc, TransactionTemplate transactions, QuotaLimits defaults) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.tables = new QuotaTables(Objects.requireNonNull(jdbc, "jdbc"), transactions);
    this.defaults = Objects.requireNonNull(defaults, "defaults");
  }

  /** Runs its own read-committed transactions on {@code dataSource}. */
  public JdbcQuotaLedger(DataSource dataSource, QuotaLimits defaults) {
    this(JdbcClient.create(dataSource), readCommitted(dataSource), defaults);
  }

  /** Runs its own read-committed transactions on {@code dataSource}, with daily limits only. */
  public JdbcQuotaLedger(DataSource dataSource, QuotaPolicy policy) {
    this(dataSource, policy.toLimits());
  }

  private static TransactionTemplate readCommitted(DataSource dataSource) {
    TransactionTemplate template = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    return template;
  }

  @Override
  public QuotaLimits defaults() {
    return defaults;
  }

  @Override
  public QuotaDecision reserve(
      String jobId, QuotaKeys keys, QuotaLimits limits, int seconds, long money, Instant now) {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(limits, "limits");
    if (seconds < 1) {
      throw new IllegalArgumentException("seconds must be at least 1, was " + seconds);
    }
    if (money < 0) {
      throw new IllegalArgumentException("money must not be negative, was " + money);
    }
    Optional<Reservation> known = tables.find(jobId);
    if (known.isPresent()) {
      return known.get().decision();
    }
    Request request = new Request(jobId, keys, limits, seconds, money, now);
    List<String> locks = lockKeys(keys, limits);
    try {
      return retrying(
          () -> {
            tables.ensureScopeRows(locks);
            return transactions.execute(tx -> reserveLocked(locks, request));
          });
    } catch (DuplicateKeyException sameJobReservedConcurrently) {
      return tables.find(jobId).orElseThrow().decision();
    }
  }

  /** One reservation's arguments. */
  private record Request(
      String jobId, QuotaKeys keys, QuotaLimits limits, int seconds, long money, Instant now) {}

  private QuotaDecision reserveLocked(List<String> locks, Request r) {
    locks.forEach(tables::lock);
    Optional<Reservation> known = tables.find(r.jobId());
    if (known.isPresent()) {
      return known.get().decision();
    }
    List<Denied> denials = new ArrayList<>();
    for (QuotaScope scope : QuotaScope.values()) {
      if (r.limits().of(scope).limited()) {
        denials.addAll(check(r, scope));
      }
    }
    Optional<Denied> denial = QuotaRules.binding(denials);
    QuotaDecision decision =
        denial.isPresent() ? denial.get() : new Granted(r.jobId(), r.seconds());
    tables.insert(decision, r.keys(), r.seconds(), r.money(), r.now());
    return decision;
  }

  private List<Denied> check(Request r, QuotaScope scope) {
    String key = r.keys().of(scope);
    QuotaBudget budget = r.limits().of(scope);
    Usage usage = tables.usage(scope, key, r.now());
    List<Denied> denials = new ArrayList<>();
    for (QuotaPeriod period : QuotaPeriod.values()) {
      for (QuotaUnit unit : QuotaUnit.values()) {
        long limit = budget.limit(unit, period);
        long used = usage.of(unit, period);
        long requested = QuotaRules.requested(unit, r.seconds(), r.money());
        if (QuotaRules.exceeds(limit, used, requested)) {
          Instant resetsAt =
              QuotaRules.whenFits(
                  tables.uses(scope, key, period, r.now()),
                  unit,
                  period,
                  used,
                  requested,
                  limit,
                  r.now());
          denials.add(new Denied(r.jobId(), scope, unit, period, limit, used, requested, resetsAt));
        }
      }
    }
    return denials;
  }

  @Override
  public void settle(String jobId, int actualSeconds, Long actualMoney, Instant now) {
    if (actualSeconds < 0) {
      throw new IllegalArgumentException("actualSeconds must not be negative: " + actualSeconds);
    }
    Optional<Reservation> known = tables.find(jobId).filter(Reservation::reserved);
    if (known.isEmpty()) {
      return;
    }
    long money = actualMoney == null ? known.get().money() : Math.max(0, actualMoney);
    if (actualSeconds <= known.get().seconds() && money <= known.get().money()) {
      // one conditional update that only lowers usage (the usual case: the video as estimated),
      // so it needs no scope lock, as a refund
      tables.settle(jobId, actualSeconds, money, now);
      return;
    }
    // Settling counts more than was reserved: lock as a reservation does, so that a concurrent
    // reservation counts either the old or the new figure, never a stale one.
    List<String> locks = settleLockKeys(known.get().keys());
    retrying(
        () -> {
          tables.ensureScopeRows(locks);
          return transactions.execute(
              tx -> {
                locks.forEach(tables::lock);
                return tables.settle(jobId, actualSeconds, money, now);
              });
        });
  }

  @Override
  public void refund(String jobId, Instant now) {
    // One conditional update: it only ever lowers usage, so it needs no scope lock.
    tables.refund(jobId, now);
  }

  @Override
  public QuotaSnapshot remaining(QuotaKeys keys, QuotaLimits limits, Instant now) {
    return new QuotaSnapshot(
        scope(QuotaScope.USER, keys, limits, now),
        scope(QuotaScope.CHAT, keys, limits, now),
        scope(QuotaScope.SERVER, keys, limits, now),
        scope(QuotaScope.GLOBAL, keys, limits, now));
  }

  @Override
  public int purge(Instant now) {
    return tables.purge(now.minus(QuotaPeriod.longest()));
  }

  private QuotaSnapshot.Scope scope(
      QuotaScope scope, QuotaKeys keys, QuotaLimits limits, Instant now) {
    Usage usage = tables.usage(scope, keys.of(scope), now);
    QuotaBudget budget = limits.of(scope);
    return new QuotaSnapshot.Scope(
        scope,
        allowance(budget, usage, QuotaUnit.JOBS, QuotaPeriod.DAY),
        allowance(budget, usage, QuotaUnit.SECONDS, QuotaPeriod.DAY),
        allowance(budget, usage, QuotaUnit.MONEY, QuotaPeriod.DAY),
        new QuotaSnapshot.Month(
            allowance(budget, usage, QuotaUnit.JOBS, QuotaPeriod.MONTH),
            allowance(budget, usage, QuotaUnit.SECONDS, QuotaPeriod.MONTH),
            allowance(budget, usage, QuotaUnit.MONEY, QuotaPeriod.MONTH)),
        usage.oldestExpiresAt());
  }

  private static QuotaAllowance allowance(
      QuotaBudget budget, Usage usage, QuotaUnit unit, QuotaPeriod period) {
    return new QuotaAllowance(budget.limit(unit, period), usage.of(unit, period));
  }

  /** The lock rows of the limited scopes, in the one order every transaction takes them. */
  private static List<String> lockKeys(QuotaKeys keys, QuotaLimits limits) {
    TreeSet<String> locks = new TreeSet<>();
    for (QuotaScope scope : QuotaScope.values()) {
      if (limits.of(scope).limited()) {
        locks.add(lockKey(scope, keys));
      }
    }
    return List.copyOf(locks);
  }

  /**
   * The lock rows a settle takes: every scope of the job (tiers and overrides may limit any of them
   * for other requests), the bot-wide one only when the configuration limits it (nothing else can).
   */
  private List<String> settleLockKeys(QuotaKeys keys) {
    TreeSet<String> locks = new TreeSet<>();
    for (QuotaScope scope : QuotaScope.values()) {
      if (scope != QuotaScope.GLOBAL || defaults.global().limited()) {
        locks.add(lockKey(scope, keys));
      }
    }
    return List.copyOf(locks);
  }

  private static String lockKey(QuotaScope scope, QuotaKeys keys) {
    return switch (scope) {
      case USER -> "user:" + keys.user();
      case CHAT -> "chat:" + keys.chat();
      case SERVER -> "server:" + keys.server();
      case GLOBAL -> "global";
    };
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
