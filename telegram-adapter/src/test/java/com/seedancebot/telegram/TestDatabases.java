package com.seedancebot.telegram;

import com.seedancebot.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The databases the adapter's tests run on, with the bot's migrations: a private in-memory H2 (made
 * on first use where most tests never touch it), or a fresh database on the shared embedded
 * PostgreSQL of the core's test kit, as several bot instances share it.
 */
public final class TestDatabases {
  private TestDatabases() {}

  public static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:tg-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    ds.setPassword("");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    return ds;
  }

  /** An in-memory H2 created and migrated on first use (most adapter tests never touch it). */
  static DataSource lazyH2() {
    return new AbstractDataSource() {
      private DataSource target;

      private synchronized DataSource target() {
        if (target == null) {
          target = h2();
        }
        return target;
      }

      @Override
      public Connection getConnection() throws SQLException {
        return target().getConnection();
      }

      @Override
      public Connection getConnection(String user, String password) throws SQLException {
        return target().getConnection(user, password);
      }
    };
  }

  public static DataSource postgres() {
    return TestDatabase.migratedPostgres().dataSource();
  }

  /** Empties the Telegram tables, so a test class can reuse its database from test to test. */
  public static void clearTelegramTables(DataSource ds) {
    JdbcClient jdbc = JdbcClient.create(ds);
    for (String table : new String[] {"telegram_update", "telegram_poller", "telegram_webhook"}) {
      jdbc.sql("DELETE FROM " + table).update();
    }
  }
}
