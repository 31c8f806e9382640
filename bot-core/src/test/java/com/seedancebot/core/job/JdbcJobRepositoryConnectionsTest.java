package com.seedancebot.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.UserRef;
import java.time.Instant;
import java.util.Locale;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository's limited reads give their connection back: a leaked connection per tracker or
 * delivery tick exhausts a connection pool (Hikari's 10) within seconds.
 */
class JdbcJobRepositoryConnectionsTest {

  @Test
  void limitedReadsCloseTheirConnections() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:connections;DB_CLOSE_DELAY=-1");
    org.flywaydb.core.Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    var jobs = new JdbcJobRepository(ds, JsonMapper.builder().build());
    var owner = new UserRef(Platform.PLAYGROUND, "u1", "Ann", Locale.ENGLISH, false);
    int before = openSessions(ds);

    for (int i = 0; i < 20; i++) {
      jobs.findDueAtProvider(Instant.now(), 500);
      jobs.findUndelivered(Instant.now(), 50);
      jobs.findRecentByOwner(owner, 10);
    }

    assertThat(openSessions(ds)).isEqualTo(before);
  }

  private static int openSessions(JdbcDataSource ds) {
    return JdbcClient.create(ds)
        .sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")
        .query(Integer.class)
        .single();
  }
}
