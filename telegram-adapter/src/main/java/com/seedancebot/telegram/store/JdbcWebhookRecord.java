package com.seedancebot.telegram.store;

import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fingerprint of the webhook this bot last registered ({@code telegram_webhook}); never the
 * secret itself. Thread-safe.
 */
public final class JdbcWebhookRecord {
  private final JdbcClient jdbc;
  private final long botId;

  public JdbcWebhookRecord(DataSource dataSource, long botId) {
    this.jdbc = JdbcClient.create(dataSource);
    this.botId = botId;
  }

  /** The fingerprint last saved, if any. */
  public Optional<String> fingerprint() {
    return jdbc.sql("SELECT fingerprint FROM telegram_webhook WHERE bot_id = ?")
        .param(botId)
        .query(String.class)
        .optional();
  }

  /** Saves the fingerprint of the webhook just registered. */
  public void save(String fingerprint, Instant now) {
    if (update(fingerprint, now) == 1) {
      return;
    }
    try {
      jdbc.sql("INSERT INTO telegram_webhook (bot_id, fingerprint, set_at) VALUES (?, ?, ?)")
          .params(botId, fingerprint, now.toEpochMilli())
          .update();
    } catch (DuplicateKeyException e) {
      update(fingerprint, now); // another instance inserted it meanwhile
    }
  }

  private int update(String fingerprint, Instant now) {
    return jdbc.sql("UPDATE telegram_webhook SET fingerprint = ?, set_at = ? WHERE bot_id = ?")
        .params(fingerprint, now.toEpochMilli(), botId)
        .update();
  }
}
