package com.seedancebot.core.governance;

import com.seedancebot.core.chat.ChatRef;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Read-only totals over the jobs asked in one chat (or a whole Discord server) since a moment:
 * jobs, seconds of video delivered and tokens used, by user and by model, and failures by cause,
 * for {@code /admin stats}. Reads the {@code job} table; never changes it. Thread-safe.
 */
public final class JobStatistics {

  /** Totals of one group (a user, a model, or everything). */
  public record Totals(String key, String name, long jobs, double seconds, long tokens) {}

  /** How many jobs ended with one error code. */
  public record Failures(String cause, long jobs) {}

  private static final String SUMS =
      "COUNT(*) AS jobs, COALESCE(SUM(CASE WHEN state = 'SUCCEEDED' THEN result_duration END), 0)"
          + " AS seconds, COALESCE(SUM(usage_tokens), 0) AS tokens FROM job WHERE ";
  private static final String IN_CHAT = "chat_platform = ? AND chat_id = ? AND created_at >= ? ";
  private static final String IN_SERVER =
      "chat_platform = ? AND server_id = ? AND created_at >= ? ";

  private final JdbcClient jdbc;

  public JobStatistics(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  public Totals overall(ChatRef scope, Instant since) {
    return jdbc.sql("SELECT '' AS k, '' AS n, " + SUMS + where(scope))
        .params(params(scope, since))
        .query(JobStatistics::totals)
        .single();
  }

  /** Per user, most jobs first. */
  public List<Totals> byUser(ChatRef scope, Instant since) {
    return grouped(
        "owner_platform || ':' || owner_user_id",
        "MAX(owner_name)",
        "owner_platform, owner_user_id",
        scope,
        since);
  }

  /** Per model, most jobs first. */
  public List<Totals> byModel(ChatRef scope, Instant since) {
    return grouped("model_id", "model_id", "model_id", scope, since);
  }

  private List<Totals> grouped(
      String key, String name, String groupBy, ChatRef scope, Instant since) {
    return jdbc.sql(
            "SELECT "
                + key
                + " AS k, "
                + name
                + " AS n, "
                + SUMS
                + where(scope)
                + "GROUP BY "
                + groupBy
                + " ORDER BY jobs DESC, k")
        .params(params(scope, since))
        .query(JobStatistics::totals)
        .list();
  }

  /** Failed and expired jobs per error code, most first. */
  public List<Failures> failures(ChatRef scope, Instant since) {
    return jdbc.sql(
            "SELECT COALESCE(error_code, state) AS cause, COUNT(*) AS jobs FROM job WHERE "
                + where(scope)
                + "AND state IN ('FAILED', 'EXPIRED') GROUP BY COALESCE(error_code, state)"
                + " ORDER BY jobs DESC, cause")
        .params(params(scope, since))
        .query((rs, i) -> new Failures(rs.getString("cause"), rs.getLong("jobs")))
        .list();
  }

  private static String where(ChatRef scope) {
    return scope.serverId() != null ? IN_SERVER : IN_CHAT;
  }

  private static Object[] params(ChatRef scope, Instant since) {
    return new Object[] {
      scope.platform().name(),
      scope.serverId() != null ? scope.serverId() : scope.chatId(),
      since.toEpochMilli()
    };
  }

  private static Totals totals(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Totals(
        rs.getString("k"),
        rs.getString("n"),
        rs.getLong("jobs"),
        rs.getDouble("seconds"),
        rs.getLong("tokens"));
  }
}
