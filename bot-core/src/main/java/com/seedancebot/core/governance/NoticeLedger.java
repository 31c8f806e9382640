package com.seedancebot.core.governance;

import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Remembers which one-time notices were given ("you are blocked", "this chat is not allowed"), so
 * that a user or chat is told once and then left alone, across restarts and instances. Thread-safe:
 * of two concurrent {@link #firstTime} calls for the same notice exactly one returns true.
 */
public final class NoticeLedger {

  private static final String INSERT =
      "INSERT INTO governance_notices (subject_key, kind, given_at) VALUES (?, ?, ?)";
  private static final String DELETE =
      "DELETE FROM governance_notices WHERE subject_key = ? AND kind = ?";

  private final JdbcClient jdbc;

  public NoticeLedger(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** Records the notice; true only the first time for this subject and kind. */
  public boolean firstTime(String subjectKey, String kind, long nowMillis) {
    try {
      return jdbc.sql(INSERT).params(subjectKey, kind, nowMillis).update() == 1;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** Forgets a notice, so that it is given again next time (e.g. after an unblock). */
  public void forget(String subjectKey, String kind) {
    jdbc.sql(DELETE).params(subjectKey, kind).update();
  }
}
