package com.seedancebot.telegram;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * Real databases with the bot's Flyway migrations: a private in-memory H2, or a fresh database on
 * one embedded PostgreSQL shared by the test run (started on first use; its binaries ship in the
 * jar) behind a small connection pool, as several bot instances share it.
 */
public final class TestDatabases {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  public static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:tg-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    ds.setPassword("");
    return migrated(ds);
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

  public static synchronized DataSource postgres() {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stopPostgres));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = "telegram_" + DATABASES.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(postgres.getJdbcUrl("postgres", name));
    pool.setUsername("postgres");
    pool.setPassword("postgres");
    pool.setMaximumPoolSize(6); // as an instance's pool: connections are not opened per statement
    pool.setMinimumIdle(0);
    return migrated(new HikariDataSource(pool));
  }

  /** Empties the Telegram tables, so a test class can reuse its database from test to test. */
  public static void clearTelegramTables(DataSource ds) {
    JdbcClient jdbc = JdbcClient.create(ds);
    for (String table : new String[] {"telegram_update", "telegram_poller", "telegram_webhook"}) {
      jdbc.sql("DELETE FROM " + table).update();
    }
  }

  private static DataSource migrated(DataSource ds) {
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    return ds;
  }

  private static synchronized void stopPostgres() {
    try {
      if (postgres != null) {
        postgres.close();
      }
    } catch (IOException e) {
      // the JVM is ending anyway
    }
  }
}
