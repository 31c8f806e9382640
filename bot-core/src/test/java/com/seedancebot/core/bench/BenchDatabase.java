package com.seedancebot.core.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh, migrated database for one benchmark run behind a 10-connection pool (Hikari's default,
 * as in {@code bot-app}): an H2 file database as in production ({@code WRITE_DELAY=0}), or a new
 * database on one embedded PostgreSQL shared by the whole benchmark (started on first use, stopped
 * by {@link #stopPostgres()}). Close it to drop it.
 */
final class BenchDatabase implements AutoCloseable {

  /** Which database. */
  enum Kind {
    H2,
    POSTGRES;

    static Kind parse(String s) {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
  }

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private final Kind kind;
  private final DataSource dataSource;
  private final Runnable close;

  private BenchDatabase(Kind kind, DataSource dataSource, Runnable close) {
    this.kind = kind;
    this.dataSource = dataSource;
    this.close = close;
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  static BenchDatabase open(Kind kind, Path dir) {
    return switch (kind) {
      case H2 -> h2(dir);
      case POSTGRES -> postgres();
    };
  }

  /** An H2 file as the app opens it (its default URL), behind Hikari as Spring Boot's pool. */
  private static BenchDatabase h2(Path dir) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:retry:" + dir.resolve("bench") + ";WRITE_DELAY=0");
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(10);
    HikariDataSource pool = new HikariDataSource(config);
    return new BenchDatabase(
        Kind.H2,
        pool,
        () -> {
          try {
            JdbcClient.create(pool).sql("SHUTDOWN").update();
          } catch (RuntimeException e) {
            // a stopped pipeline's interrupted units may have closed H2's file already
          }
          pool.close();
        });
  }

  private static synchronized BenchDatabase postgres() {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = "bench_" + DATABASES.incrementAndGet();
    admin("CREATE DATABASE " + name);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", name));
    config.setUsername("postgres");
    config.setPassword("postgres");
    config.setMaximumPoolSize(10);
    HikariDataSource pool = new HikariDataSource(config);
    return new BenchDatabase(
        Kind.POSTGRES,
        pool,
        () -> {
          pool.close();
          admin("DROP DATABASE " + name);
        });
  }

  private static void admin(String statement) {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(statement, e);
    }
  }

  /** Stops the shared PostgreSQL, if it was started. */
  static synchronized void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
  }

  Kind kind() {
    return kind;
  }

  DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    close.run();
  }
}
