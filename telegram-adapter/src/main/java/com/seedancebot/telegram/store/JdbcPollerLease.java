package com.seedancebot.telegram.store;

import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The long-polling lease of one bot ({@code telegram_poller}): at most one owner holds it at a
 * time, as long as it renews it before it runs out; any other owner may take it once it has.
 * Instances compare lease times with their own clocks, so their clocks must agree to well within
 * the lease time. Each method is one statement; thread-safe.
 */
public final class JdbcPollerLease {
  private final JdbcClient jdbc;
  private final long botId;

  public JdbcPollerLease(DataSource dataSource, long botId) {
    this.jdbc = JdbcClient.create(dataSource);
    this.botId = botId;
  }

  /**
   * Takes or renews the lease for {@code owner} until {@code until}, unless another owner holds an
   * unexpired one.
   *
   * @return whether {@code owner} holds it now
   */
  public boolean tryHold(String owner, Instant now, Instant until) {
    int updated =
        jdbc.sql(
                "UPDATE telegram_poller SET owner = :owner, lease_until = :until WHERE bot_id ="
                    + " :bot AND (owner = :owner OR lease_until < :now)")
            .param("owner", owner)
            .param("until", until.toEpochMilli())
            .param("bot", botId)
            .param("now", now.toEpochMilli())
            .update();
    if (updated == 1) {
      return true;
    }
    try {
      jdbc.sql("INSERT INTO telegram_poller (bot_id, owner, lease_until) VALUES (?, ?, ?)")
          .params(botId, owner, until.toEpochMilli())
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false; // another owner holds it
    }
  }

  /** Who holds an unexpired lease now, if anyone. */
  public Optional<String> holder(Instant now) {
    return jdbc.sql("SELECT owner FROM telegram_poller WHERE bot_id = ? AND lease_until >= ?")
        .params(botId, now.toEpochMilli())
        .query(String.class)
        .optional();
  }

  /** Gives the lease up if {@code owner} holds it, so that another instance takes over at once. */
  public void release(String owner) {
    jdbc.sql("UPDATE telegram_poller SET lease_until = 0 WHERE bot_id = ? AND owner = ?")
        .params(botId, owner)
        .update();
  }
}
