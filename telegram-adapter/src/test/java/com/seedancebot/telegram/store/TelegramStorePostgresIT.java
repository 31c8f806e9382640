package com.seedancebot.telegram.store;

import com.seedancebot.telegram.TestDatabases;
import javax.sql.DataSource;

/** The shared-store contract on a real PostgreSQL, as several instances share it. */
class TelegramStorePostgresIT extends TelegramStoreContract {
  @Override
  protected DataSource freshDatabase() {
    return TestDatabases.postgres();
  }
}
