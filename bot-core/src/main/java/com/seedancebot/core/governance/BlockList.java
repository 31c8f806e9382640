package com.seedancebot.core.governance;

import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The users admins have blocked, per scope (a chat, or a whole Discord server: {@link
 * com.seedancebot.core.chat.ChatRef#quotaKey()}). Stored in {@code governance_blocks}, so every
 * instance sees the same list. Thread-safe; each call is one statement.
 */
public final class BlockList {

  private static final String FIND =
      "SELECT COUNT(*) FROM governance_blocks WHERE scope_key = ? AND user_key = ?";
  private static final String INSERT =
      "INSERT INTO governance_blocks (scope_key, user_key, blocked_by, blocked_at) VALUES (?, ?, ?,"
          + " ?)";
  private static final String DELETE =
      "DELETE FROM governance_blocks WHERE scope_key = ? AND user_key = ?";

  private final JdbcClient jdbc;

  public BlockList(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  public boolean isBlocked(String scopeKey, String userKey) {
    return jdbc.sql(FIND).params(scopeKey, userKey).query(Long.class).single() > 0;
  }

  /** Blocks a user; false when they already were. */
  public boolean block(String scopeKey, String userKey, String byUserKey, long nowMillis) {
    try {
      return jdbc.sql(INSERT).params(scopeKey, userKey, byUserKey, nowMillis).update() == 1;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** Lifts a block; false when there was none. */
  public boolean unblock(String scopeKey, String userKey) {
    return jdbc.sql(DELETE).params(scopeKey, userKey).update() == 1;
  }
}
