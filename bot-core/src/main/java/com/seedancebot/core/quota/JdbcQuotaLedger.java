package com.seedancebot.core.quota;

import com.seedancebot.core.quota.QuotaDecision.Denied;
import com.seedancebot.core.quota.QuotaDecision.Granted;
import com.seedancebot.core.quota.QuotaRules.Usage;
import com.seedancebot.core.quota.QuotaRules.Use;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
  private static final String COUNTED =
      " state IN ('RESERVED', 'SETTLED') AND reserved_at > :since";
  private static final String USAGE =
      "SELECT COUNT(*) AS jobs, COALESCE(SUM(used_seconds), 0) AS secs, MIN(reserved_at) AS oldest"
          + " FROM quota_reservation WHERE"
          + COUNTED;
  private static final String USES =
      "SELECT reserved_at, used_seconds FROM quota_reservation WHERE" + COUNTED;
  private static final String BY_USER = " AND user_key = :key";
  private static final String BY_CHAT = " AND chat_key = :key";
  private static final String OLDEST_FIRST = " ORDER BY reserved_at";
  private static final String SCOPE_EXISTS =
      "SELECT COUNT(*) FROM quota_scope WHERE scope_key = :key";
  private static final String INSERT_SCOPE =
      "INSERT INTO quota_scope (scope_key, version) VALUES (:key, 0)";
  private static final String LOCK_SCOPE =
      "UPDATE quota_scope SET version = version + 1 WHERE scope_key = :key";
  private static final String FIND =
      "SELECT job_id, user_key, chat_key, state, reserved_seconds, denied_scope, denied_unit,"
          + " denied_limit, denied_used, resets_at FROM quota_reservation WHERE job_id = :id";
  private static final String INSERT =
      "INSERT INTO quota_reservation (job_id, user_key, chat_key, state, reserved_seconds,"
          + " used_seconds, reserved_at, denied_scope, denied_unit, denied_limit, denied_used,"
          + " resets_at) VALUES (:id, :user, :chat, :state, :seconds, :seconds, :at, :scope, :unit,"
          + " :limit, :used, :resetsAt)";
  private static final String SETTLE =
      "UPDATE quota_reservation SET state = 'SETTLED', used_seconds = :seconds, closed_at = :at"
          + " WHERE job_id = :id AND state = 'RESERVED'";
  private static final String REFUND =
      "UPDATE quota_reservation SET state = 'REFUNDED', closed_at = :at"
          + " WHERE job_id = :id AND state = 'RESERVED'";
  private static final String PURGE =
      "DELETE FROM quota_reservation WHERE state <> 'RESERVED' AND reserved_at <= :before";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final QuotaPolicy policy;

  /** Uses the application's client and transactions (which must be on the same data source). */
  public JdbcQuotaLedger(JdbcClient jdbc, TransactionTemplate transactions, QuotaPolicy policy) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
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
    Optional<Reservation> known = find(jobId);
    if (known.isPresent()) {
      return known.get().decision();
    }
    try {
      return retrying(
          () -> {
            List<String> locks = lockKeys(userKey, chatKey);
            ensureScopeRows(locks);
            return transactions.execute(
                tx -> reserveLocked(locks, jobId, userKey, chatKey, seconds, now));
          });
    } catch (DuplicateKeyException sameJobReservedConcurrently) {
      return find(jobId).orElseThrow().decision();
    }
  }

  private QuotaDecision reserveLocked(
      List<String> locks, String jobId, String userKey, String chatKey, int seconds, Instant now) {
    locks.forEach(this::lock);
    Optional<Reservation> known = find(jobId);
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
    insert(decision, userKey, chatKey, seconds, now);
    return decision;
  }

  private List<Denied> check(String jobId, QuotaScope scope, String key, int seconds, Instant now) {
    Usage usage = usage(scope, key, now);
    List<Denied> denials = new ArrayList<>();
    for (QuotaUnit unit : QuotaUnit.values()) {
      int limit = policy.limit(scope, unit);
      int used = usage.of(unit);
      int requested = QuotaRules.requested(unit, seconds);
      if (QuotaRules.exceeds(limit, used, requested)) {
        Instant resetsAt =
            QuotaRules.whenFits(uses(scope, key, now), unit, used, requested, limit, now);
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
    Optional<Reservation> known = find(jobId).filter(r -> r.state().equals("RESERVED"));
    if (known.isEmpty()) {
      return;
    }
    // Settling may count more seconds than were reserved: lock as a reservation does, so that a
    // concurrent reservation sees either the old or the new figure, never a stale one.
    List<String> locks = lockKeys(known.get().userKey(), known.get().chatKey());
    retrying(
        () -> {
          ensureScopeRows(locks);
          return transactions.execute(
              tx -> {
                locks.forEach(this::lock);
                return jdbc.sql(SETTLE)
                    .param("seconds", actualSeconds)
                    .param("at", timestamp(now))
                    .param("id", jobId)
                    .update();
              });
        });
  }

  @Override
  public void refund(String jobId, Instant now) {
    // One conditional update: it only ever lowers usage, so it needs no scope lock.
    jdbc.sql(REFUND).param("at", timestamp(now)).param("id", jobId).update();
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
    return jdbc.sql(PURGE).param("before", timestamp(now.minus(QuotaPolicy.WINDOW))).update();
  }

  private QuotaSnapshot.Scope scope(QuotaScope scope, String key, Instant now) {
    Usage usage = usage(scope, key, now);
    return new QuotaSnapshot.Scope(
        scope,
        new QuotaAllowance(policy.limit(scope, QuotaUnit.JOBS), usage.jobs()),
        new QuotaAllowance(policy.limit(scope, QuotaUnit.SECONDS), usage.seconds()),
        usage.oldestExpiresAt());
  }

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

  private void ensureScopeRows(List<String> keys) {
    for (String key : keys) {
      if (jdbc.sql(SCOPE_EXISTS).param("key", key).query(Long.class).single() == 0) {
        try {
          transactions.executeWithoutResult(
              tx -> jdbc.sql(INSERT_SCOPE).param("key", key).update());
        } catch (DuplicateKeyException createdConcurrently) {
          // another reservation created it first: fine
        }
      }
    }
  }

  private void lock(String key) {
    if (jdbc.sql(LOCK_SCOPE).param("key", key).update() != 1) {
      throw new IllegalStateException("quota scope row missing: " + key);
    }
  }

  private Usage usage(QuotaScope scope, String key, Instant now) {
    return filtered(USAGE + filter(scope), scope, key, now)
        .query(
            (rs, n) ->
                new Usage(
                    Math.toIntExact(rs.getLong("jobs")),
                    Math.toIntExact(rs.getLong("secs")),
                    instant(rs, "oldest")))
        .single();
  }

  private List<Use> uses(QuotaScope scope, String key, Instant now) {
    return filtered(USES + filter(scope) + OLDEST_FIRST, scope, key, now)
        .query((rs, n) -> new Use(instant(rs, "reserved_at"), rs.getInt("used_seconds")))
        .list();
  }

  private JdbcClient.StatementSpec filtered(String sql, QuotaScope scope, String key, Instant now) {
    JdbcClient.StatementSpec spec =
        jdbc.sql(sql).param("since", timestamp(now.minus(QuotaPolicy.WINDOW)));
    return scope == QuotaScope.GLOBAL ? spec : spec.param("key", key);
  }

  private static String filter(QuotaScope scope) {
    return switch (scope) {
      case USER -> BY_USER;
      case CHAT -> BY_CHAT;
      case GLOBAL -> "";
    };
  }

  private void insert(
      QuotaDecision decision, String userKey, String chatKey, int seconds, Instant now) {
    Denied denied = decision instanceof Denied d ? d : null;
    jdbc.sql(INSERT)
        .param("id", decision.jobId())
        .param("user", userKey)
        .param("chat", chatKey)
        .param("state", denied == null ? "RESERVED" : "DENIED")
        .param("seconds", seconds)
        .param("at", timestamp(now))
        .param("scope", denied == null ? null : denied.scope().name(), Types.VARCHAR)
        .param("unit", denied == null ? null : denied.unit().name(), Types.VARCHAR)
        .param("limit", denied == null ? null : denied.limit(), Types.INTEGER)
        .param("used", denied == null ? null : denied.used(), Types.INTEGER)
        .param(
            "resetsAt",
            denied == null ? null : timestamp(denied.resetsAt()),
            Types.TIMESTAMP_WITH_TIMEZONE)
        .update();
  }

  private Optional<Reservation> find(String jobId) {
    return jdbc.sql(FIND).param("id", jobId).query(JdbcQuotaLedger::reservation).optional();
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

  private static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Reservation reservation(ResultSet rs, int rowNum) throws SQLException {
    String scope = rs.getString("denied_scope");
    String unit = rs.getString("denied_unit");
    return new Reservation(
        rs.getString("job_id"),
        rs.getString("user_key"),
        rs.getString("chat_key"),
        rs.getString("state"),
        rs.getInt("reserved_seconds"),
        scope == null ? null : QuotaScope.valueOf(scope),
        unit == null ? null : QuotaUnit.valueOf(unit),
        rs.getInt("denied_limit"),
        rs.getInt("denied_used"),
        instant(rs, "resets_at"));
  }

  /** A stored row; {@code state} is RESERVED, SETTLED, REFUNDED or DENIED. */
  private record Reservation(
      String jobId,
      String userKey,
      String chatKey,
      String state,
      int seconds,
      QuotaScope scope,
      QuotaUnit unit,
      int limit,
      int used,
      Instant resetsAt) {

    QuotaDecision decision() {
      if (!state.equals("DENIED")) {
        return new Granted(jobId, seconds);
      }
      return new Denied(
          jobId, scope, unit, limit, used, QuotaRules.requested(unit, seconds), resetsAt);
    }
  }
}
