package com.seedancebot.core.governance;

import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chats (or whole Discord servers: {@link com.seedancebot.core.chat.ChatRef#quotaKey()}) an
 * admin has paused: no new job is queued there until one resumes it. Stored in {@code
 * governance_pauses}. Thread-safe; each call is one statement.
 */
public final class PausedChats {

  private static final String FIND = "SELECT COUNT(*) FROM governance_pauses WHERE scope_key = ?";
  private static final String INSERT =
      "INSERT INTO governance_pauses (scope_key, paused_by, paused_at) VALUES (?, ?, ?)";
  private static final String DELETE = "DELETE FROM governance_pauses WHERE scope_key = ?";

  private final JdbcClient jdbc;

  public PausedChats(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  public boolean isPaused(String scopeKey) {
    return jdbc.sql(FIND).param(scopeKey).query(Long.class).single() > 0;
  }

  /** Pauses a scope; false when it already was. */
  public boolean pause(String scopeKey, String byUserKey, long nowMillis) {
    try {
      return jdbc.sql(INSERT).params(scopeKey, byUserKey, nowMillis).update() == 1;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** Resumes a scope; false when it was not paused. */
  public boolean resume(String scopeKey) {
    return jdbc.sql(DELETE).param(scopeKey).update() == 1;
  }
}
