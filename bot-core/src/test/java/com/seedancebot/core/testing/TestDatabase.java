package com.seedancebot.core.testing;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A real H2 file database with the bot's Flyway migrations applied, for tests. */
public final class TestDatabase {
  private TestDatabase() {}

  public static DataSource migratedH2(Path dir) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(
        "jdbc:h2:file:"
            + dir.toAbsolutePath().resolve("test-db")
            + ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    ds.setPassword("");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    return ds;
  }
}
