package com.seedancebot.app.web.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.app.web.playground.PlaygroundMessage.Draft;
import com.seedancebot.app.web.playground.PlaygroundMessage.Kind;
import com.seedancebot.app.web.playground.PlaygroundMessage.Sender;
import com.seedancebot.core.retention.Retained;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/** Playground messages last changed before the retention are deleted; newer ones stay. */
class PlaygroundTranscriptRetentionTest {

  private static final Instant START = Instant.parse("2026-11-01T10:00:00Z");
  private final EmbeddedDatabase database =
      new EmbeddedDatabaseBuilder()
          .setType(EmbeddedDatabaseType.H2)
          .generateUniqueName(true)
          .build();

  @AfterEach
  void tearDown() {
    database.shutdown();
  }

  @Test
  void messagesOlderThanTheCutoffAreDeleted() {
    Flyway.configure().dataSource(database).load().migrate();
    transcriptAt(START).append(draft("/video an old fox"));
    JdbcPlaygroundTranscript now = transcriptAt(START.plus(Duration.ofDays(8)));
    now.append(draft("/video a new fox"));

    int deleted = now.sweep(START.plus(Duration.ofDays(1)), new Retained(Set.of(), Set.of()));

    assertThat(deleted).isEqualTo(1);
    assertThat(now.since("s1", 0).messages())
        .extracting(PlaygroundMessage::text)
        .containsExactly("/video a new fox");
  }

  private JdbcPlaygroundTranscript transcriptAt(Instant instant) {
    return new JdbcPlaygroundTranscript(
        JdbcClient.create(database),
        new DataSourceTransactionManager(database),
        Clock.fixed(instant, ZoneOffset.UTC));
  }

  private static Draft draft(String text) {
    return new Draft("s1", Sender.USER, Kind.TEXT, text, null, null, null, null, null, null, null);
  }
}
