package com.seedancebot.telegram.store;

import com.seedancebot.telegram.TestDatabases;
import javax.sql.DataSource;

/** The shared-store contract on H2, the single instance's database. */
class TelegramStoreH2Test extends TelegramStoreContract {
  @Override
  protected DataSource freshDatabase() {
    return TestDatabases.h2();
  }
}
