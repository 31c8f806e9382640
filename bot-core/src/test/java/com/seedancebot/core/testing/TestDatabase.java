package com.seedancebot.core.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Real databases with the bot's Flyway migrations applied, for tests: an H2 file database, or a
 * fresh database on one embedded PostgreSQL shared by the test JVM (started on first use, its
 * binaries shipped in the jar; stopped when the JVM ends), as several bot instances share it.
 */
public final class TestDatabase {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private TestDatabase() {}

  /**
   * A fresh, migrated PostgreSQL database.
   *
   * @param url its JDBC URL (user and password {@code postgres}), for an application to connect
   * @param dataSource a small pool on it, as one instance's
   */
  public record Postgres(String url, DataSource dataSource) {}

  public static DataSource migratedH2(Path dir) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(
        "jdbc:h2:retry:"
            + dir.toAbsolutePath().resolve("test-db")
            + ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    ds.setPassword("");
    return migrated(ds);
  }

  public static Postgres migratedPostgres() {
    String name = "test_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    String url = server().getJdbcUrl("postgres", name);
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(url);
    pool.setUsername("postgres");
    pool.setPassword("postgres");
    pool.setMaximumPoolSize(6);
    pool.setMinimumIdle(0);
    return new Postgres(url, migrated(new HikariDataSource(pool)));
  }

  private static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started)));
    }
    return postgres;
  }

  private static void close(EmbeddedPostgres server) {
    try {
      server.close();
    } catch (IOException e) {
      // the JVM is ending anyway
    }
  }

  private static DataSource migrated(DataSource ds) {
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    return ds;
  }
}
