package com.seedancebot.core.quota;

import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The ledger contracts on H2 2.4, the bot's default database (in memory here). */
class JdbcQuotaLedgerH2IT extends QuotaBudgetsContract {

  @Override
  protected Supplier<DataSource> freshDatabase() {
    String url = "jdbc:h2:mem:quota-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    return () -> {
      JdbcDataSource dataSource = new JdbcDataSource();
      dataSource.setURL(url);
      return dataSource;
    };
  }
}
