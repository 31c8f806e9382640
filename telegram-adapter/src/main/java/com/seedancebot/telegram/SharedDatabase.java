package com.seedancebot.telegram;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * The database the instances of one bot share (migrated with the bot's Flyway migrations), where
 * Telegram updates are received, de-duplicated and claimed, and this instance's name in its leases
 * (stable across restarts, unique among running instances).
 *
 * @param dataSource the shared database (H2 for a single instance, PostgreSQL for several)
 * @param instanceId this instance's name
 */
public record SharedDatabase(DataSource dataSource, String instanceId) {
  public SharedDatabase {
    Objects.requireNonNull(dataSource, "dataSource");
    if (instanceId == null || instanceId.isBlank() || instanceId.length() > 64) {
      throw new IllegalArgumentException("an instance id of 1 to 64 characters is required");
    }
  }
}
