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
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SQL of {@link JdbcQuotaLedger} on the tables of {@code V2__quota.sql} and {@code
 * V17__quota_tiers.sql}: one statement per method, joining whatever transaction is current. Uses
 * count while RESERVED or SETTLED and reserved within a period's window.
 */
final class QuotaTables {

  private static final String COUNTED =
      " state IN ('RESERVED', 'SETTLED') AND reserved_at > :since";
  private static final String TODAY = "CASE WHEN reserved_at > :day THEN ";
  private static final String USAGE =
      "SELECT COUNT(*) AS m_jobs, COALESCE(SUM(used_seconds), 0) AS m_secs,"
          + " COALESCE(SUM(used_money), 0) AS m_money,"
          + " COALESCE(SUM("
          + TODAY
          + "1 ELSE 0 END), 0) AS d_jobs,"
          + " COALESCE(SUM("
          + TODAY
          + "used_seconds ELSE 0 END), 0) AS d_secs,"
          + " COALESCE(SUM("
          + TODAY
          + "used_money ELSE 0 END), 0) AS d_money,"
          + " MIN("
          + TODAY
          + "reserved_at END) AS oldest FROM quota_reservation WHERE"
          + COUNTED;
  private static final String USES =
      "SELECT reserved_at, used_seconds, used_money FROM quota_reservation WHERE" + COUNTED;
  private static final String OLDEST_FIRST = " ORDER BY reserved_at";
  private static final String SCOPE_EXISTS =
      "SELECT COUNT(*) FROM quota_scope WHERE scope_key = :key";
  private static final String INSERT_SCOPE =
      "INSERT INTO quota_scope (scope_key, version) VALUES (:key, 0)";
  private static final String LOCK_SCOPE =
      "UPDATE quota_scope SET version = version + 1 WHERE scope_key = :key";
  private static final String FIND =
      "SELECT job_id, user_key, chat_key, server_key, state, reserved_seconds, reserved_money,"
          + " denied_scope, denied_unit, denied_period, denied_limit, denied_used, resets_at"
          + " FROM quota_reservation WHERE job_id = :id";
  private static final String INSERT =
      "INSERT INTO quota_reservation (job_id, user_key, chat_key, server_key, state,"
          + " reserved_seconds, used_seconds, reserved_money, used_money, reserved_at,"
          + " denied_scope, denied_unit, denied_period, denied_limit, denied_used, resets_at)"
          + " VALUES (:id, :user, :chat, :server, :state, :seconds, :seconds, :money, :money, :at,"
          + " :scope, :unit, :period, :limit, :used, :resetsAt)";
  private static final String SETTLE =
      "UPDATE quota_reservation SET state = 'SETTLED', used_seconds = :seconds, used_money = :money,"
          + " closed_at = :at WHERE job_id = :id AND state = 'RESERVED'";
  private static final String REFUND =
      "UPDATE quota_reservation SET state = 'REFUNDED', closed_at = :at"
          + " WHERE job_id = :id AND state = 'RESERVED'";
  private static final String PURGE =
      "DELETE FROM quota_reservation WHERE state <> 'RESERVED' AND reserved_at <= :before";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  QuotaTables(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** A stored reservation; {@code state} is RESERVED, SETTLED, REFUNDED or DENIED. */
  record Reservation(
      String jobId,
      QuotaKeys keys,
      String state,
      int seconds,
      long money,
      QuotaScope scope,
      QuotaUnit unit,
      QuotaPeriod period,
      long limit,
      long used,
      Instant resetsAt) {

    boolean reserved() {
      return state.equals("RESERVED");
    }

    /** The decision as first made. */
    QuotaDecision decision() {
      if (!state.equals("DENIED")) {
        return new Granted(jobId, seconds);
      }
      return new Denied(
          jobId,
          scope,
          unit,
          period,
          limit,
          used,
          QuotaRules.requested(unit, seconds, money),
          resetsAt);
    }
  }

  Optional<Reservation> find(String jobId) {
    return jdbc.sql(FIND).param("id", jobId).query(QuotaTables::reservation).optional();
  }

  /** Creates the missing lock rows, each in its own transaction (another may create it first). */
  void ensureScopeRows(List<String> keys) {
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

  /** Locks a scope's row until the current transaction ends. */
  void lock(String key) {
    if (jdbc.sql(LOCK_SCOPE).param("key", key).update() != 1) {
      throw new IllegalStateException("quota scope row missing: " + key);
    }
  }

  /** What a scope used over the last day and the last 30 days. */
  Usage usage(QuotaScope scope, String key, Instant now) {
    return filtered(USAGE + filter(scope), scope, key, now, QuotaPeriod.MONTH)
        .param("day", timestamp(now.minus(QuotaPeriod.DAY.window())))
        .query(
            (rs, n) ->
                new Usage(
                    rs.getLong("d_jobs"),
                    rs.getLong("d_secs"),
                    rs.getLong("d_money"),
                    rs.getLong("m_jobs"),
                    rs.getLong("m_secs"),
                    rs.getLong("m_money"),
                    instant(rs, "oldest")))
        .single();
  }

  /** The uses that count in a period, oldest first. */
  List<Use> uses(QuotaScope scope, String key, QuotaPeriod period, Instant now) {
    return filtered(USES + filter(scope) + OLDEST_FIRST, scope, key, now, period)
        .query(
            (rs, n) ->
                new Use(
                    instant(rs, "reserved_at"),
                    rs.getLong("used_seconds"),
                    rs.getLong("used_money")))
        .list();
  }

  void insert(QuotaDecision decision, QuotaKeys keys, int seconds, long money, Instant now) {
    Denied denied = decision instanceof Denied d ? d : null;
    jdbc.sql(INSERT)
        .param("id", decision.jobId())
        .param("user", keys.user())
        .param("chat", keys.chat())
        .param("server", keys.server())
        .param("state", denied == null ? "RESERVED" : "DENIED")
        .param("seconds", seconds)
        .param("money", money)
        .param("at", timestamp(now))
        .param("scope", denied == null ? null : denied.scope().name(), Types.VARCHAR)
        .param("unit", denied == null ? null : denied.unit().name(), Types.VARCHAR)
        .param("period", denied == null ? null : denied.period().name(), Types.VARCHAR)
        .param("limit", denied == null ? null : denied.limit(), Types.BIGINT)
        .param("used", denied == null ? null : denied.used(), Types.BIGINT)
        .param(
            "resetsAt",
            denied == null ? null : timestamp(denied.resetsAt()),
            Types.TIMESTAMP_WITH_TIMEZONE)
        .update();
  }

  /** Settles a job if it is still reserved; returns whether it was. */
  boolean settle(String jobId, int seconds, long money, Instant now) {
    return jdbc.sql(SETTLE)
            .param("seconds", seconds)
            .param("money", money)
            .param("at", timestamp(now))
            .param("id", jobId)
            .update()
        == 1;
  }

  /** Refunds a job if it is still reserved; returns whether it was. */
  boolean refund(String jobId, Instant now) {
    return jdbc.sql(REFUND).param("at", timestamp(now)).param("id", jobId).update() == 1;
  }

  int purge(Instant reservedUpTo) {
    return jdbc.sql(PURGE).param("before", timestamp(reservedUpTo)).update();
  }

  private JdbcClient.StatementSpec filtered(
      String sql, QuotaScope scope, String key, Instant now, QuotaPeriod period) {
    JdbcClient.StatementSpec spec =
        jdbc.sql(sql).param("since", timestamp(now.minus(period.window())));
    return scope == QuotaScope.GLOBAL ? spec : spec.param("key", key);
  }

  private static String filter(QuotaScope scope) {
    return switch (scope) {
      case USER -> " AND user_key = :key";
      case CHAT -> " AND chat_key = :key";
      case SERVER -> " AND server_key = :key";
      case GLOBAL -> "";
    };
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
    String period = rs.getString("denied_period");
    String chat = rs.getString("chat_key");
    String server = rs.getString("server_key");
    return new Reservation(
        rs.getString("job_id"),
        new QuotaKeys(rs.getString("user_key"), chat, server == null ? chat : server),
        rs.getString("state"),
        rs.getInt("reserved_seconds"),
        rs.getLong("reserved_money"),
        scope == null ? null : QuotaScope.valueOf(scope),
        unit == null ? null : QuotaUnit.valueOf(unit),
        period == null ? QuotaPeriod.DAY : QuotaPeriod.valueOf(period),
        rs.getLong("denied_limit"),
        rs.getLong("denied_used"),
        instant(rs, "resets_at"));
  }
}
