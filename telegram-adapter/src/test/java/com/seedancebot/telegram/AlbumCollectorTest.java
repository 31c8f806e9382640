package com.seedancebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlbumCollectorTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final List<List<String>> albums = new ArrayList<>();
  private final AlbumCollector<String> collector =
      new AlbumCollector<>(clock, Duration.ofMillis(1500), albums::add);

  @Test
  void albumIsHandedOverOnceAfterTheQuietPeriod() {
    collector.add("chat:g1", "a");
    clock.advance(Duration.ofMillis(1000));
    collector.add("chat:g1", "b");
    clock.advance(Duration.ofMillis(1000));
    collector.flushDue();
    assertThat(albums).isEmpty();

    clock.advance(Duration.ofMillis(500));
    collector.flushDue();
    collector.flushDue();

    assertThat(albums).containsExactly(List.of("a", "b"));
    assertThat(collector.pending()).isZero();
  }

  @Test
  void albumsOfDifferentGroupsStaySeparate() {
    collector.add("chat:g1", "a");
    collector.add("chat:g2", "x");
    collector.add("chat:g1", "b");
    clock.advance(Duration.ofMillis(1500));

    collector.flushDue();

    assertThat(albums).containsExactlyInAnyOrder(List.of("a", "b"), List.of("x"));
  }
}
