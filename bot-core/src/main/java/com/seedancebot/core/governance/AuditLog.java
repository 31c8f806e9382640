package com.seedancebot.core.governance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail of admin actions, per scope (a chat, or a whole Discord server), newest first.
 * Append-only; stored in {@code governance_audit}. Thread-safe.
 */
public final class AuditLog {

  private static final String INSERT =
      "INSERT INTO governance_audit (scope_key, actor_key, actor_name, action, target, at_millis)"
          + " VALUES (?, ?, ?, ?, ?, ?)";
  private static final String COUNT = "SELECT COUNT(*) FROM governance_audit WHERE scope_key = ?";
  private static final String PAGE =
      "SELECT actor_key, actor_name, action, target, at_millis FROM governance_audit"
          + " WHERE scope_key = ? ORDER BY at_millis DESC, id DESC LIMIT ? OFFSET ?";

  private final JdbcClient jdbc;

  public AuditLog(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  public void record(String scopeKey, AuditEntry entry) {
    jdbc.sql(INSERT)
        .params(
            scopeKey,
            entry.actorKey(),
            entry.actorName(),
            entry.action().name(),
            entry.target(),
            entry.at().toEpochMilli())
        .update();
  }

  /** How many entries the scope has. */
  public long count(String scopeKey) {
    return jdbc.sql(COUNT).param(scopeKey).query(Long.class).single();
  }

  /** Entries {@code offset .. offset+limit-1}, newest first. */
  public List<AuditEntry> page(String scopeKey, int offset, int limit) {
    return jdbc.sql(PAGE).params(scopeKey, limit, offset).query(AuditLog::entry).list();
  }

  private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(
        rs.getString("actor_key"),
        rs.getString("actor_name"),
        AdminAction.valueOf(rs.getString("action")),
        rs.getString("target"),
        Instant.ofEpochMilli(rs.getLong("at_millis")));
  }
}
