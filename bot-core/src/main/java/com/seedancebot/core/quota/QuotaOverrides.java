package com.seedancebot.core.quota;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@link QuotaOverride}s admins set, per scope (a chat, or a whole Discord server: {@code
 * ChatRef.quotaKey()}) and subject (a user key, {@link #chatSubject}, or {@link #SERVER_SUBJECT}).
 * Stored in {@code quota_override}, so every instance sees them. Thread-safe; each call is one
 * statement (a replacement retries once when another instance set the same subject first).
 */
public final class QuotaOverrides {

  /** The subject of a server's own budget. */
  public static final String SERVER_SUBJECT = "server";

  private static final String IN_SCOPE =
      "SELECT subject_key, tier, jobs_per_day, seconds_per_day, money_per_day FROM quota_override"
          + " WHERE scope_key = ?";
  private static final String UPDATE =
      "UPDATE quota_override SET tier = ?, jobs_per_day = ?, seconds_per_day = ?,"
          + " money_per_day = ?, set_by = ?, set_at = ? WHERE scope_key = ? AND subject_key = ?";
  private static final String INSERT =
      "INSERT INTO quota_override (tier, jobs_per_day, seconds_per_day, money_per_day, set_by,"
          + " set_at, scope_key, subject_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String DELETE =
      "DELETE FROM quota_override WHERE scope_key = ? AND subject_key = ?";

  private final JdbcClient jdbc;

  public QuotaOverrides(DataSource dataSource) {
    this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /** The subject of a chat's (channel's) own budget. */
  public static String chatSubject(String chatKey) {
    return "chat:" + chatKey;
  }

  /** Every override in a scope, by subject. */
  public Map<String, QuotaOverride> inScope(String scopeKey) {
    Map<String, QuotaOverride> found = new HashMap<>();
    jdbc.sql(IN_SCOPE)
        .params(scopeKey)
        .query(
            (ResultSet rs) -> {
              found.put(rs.getString("subject_key"), override(rs));
            });
    return found;
  }

  /** Sets (or replaces) the override of a subject in a scope. */
  public void set(
      String scopeKey, String subject, QuotaOverride override, String byUserKey, long nowMillis) {
    Object[] values = {
      override.tier(),
      override.jobsPerDay(),
      override.secondsPerDay(),
      override.moneyPerDay(),
      byUserKey,
      nowMillis,
      scopeKey,
      subject
    };
    if (jdbc.sql(UPDATE).params(values).update() == 0) {
      try {
        jdbc.sql(INSERT).params(values).update();
      } catch (DuplicateKeyException setConcurrently) {
        jdbc.sql(UPDATE).params(values).update();
      }
    }
  }

  /** Removes a subject's override; false when there was none. */
  public boolean clear(String scopeKey, String subject) {
    return jdbc.sql(DELETE).params(scopeKey, subject).update() == 1;
  }

  private static QuotaOverride override(ResultSet rs) throws SQLException {
    return new QuotaOverride(
        rs.getString("tier"),
        nullableLong(rs, "jobs_per_day"),
        nullableLong(rs, "seconds_per_day"),
        nullableLong(rs, "money_per_day"));
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
