package com.seedancebot.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Gathers the parts of a Telegram album ({@code media_group_id}): Telegram delivers each part as
 * its own update, with the caption on one of them. An album is complete once no part arrived for
 * the quiet period; {@link #flushDue()} (called periodically by a scheduler) hands every complete
 * album to the sink exactly once. Time comes from the injected clock. Thread-safe; the sink runs on
 * the thread calling {@code flushDue}, outside the collector's lock.
 *
 * @param <T> the part type
 */
public final class AlbumCollector<T> {
  private final Clock clock;
  private final Duration quietPeriod;
  private final Consumer<List<T>> sink;
  private final Map<String, Pending<T>> albums = new LinkedHashMap<>();

  public AlbumCollector(Clock clock, Duration quietPeriod, Consumer<List<T>> sink) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.quietPeriod = Objects.requireNonNull(quietPeriod, "quietPeriod");
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** Adds a part to the album {@code key} (chat and media group id). */
  public synchronized void add(String key, T part) {
    Pending<T> album = albums.computeIfAbsent(key, k -> new Pending<>());
    album.parts.add(part);
    album.lastPartAt = clock.instant();
  }

  /** Hands every album whose last part is at least a quiet period old to the sink. */
  public void flushDue() {
    List<List<T>> complete = new ArrayList<>();
    synchronized (this) {
      Instant now = clock.instant();
      Iterator<Pending<T>> it = albums.values().iterator();
      while (it.hasNext()) {
        Pending<T> album = it.next();
        if (!album.lastPartAt.plus(quietPeriod).isAfter(now)) {
          complete.add(List.copyOf(album.parts));
          it.remove();
        }
      }
    }
    complete.forEach(sink);
  }

  /** Albums still collecting parts. */
  public synchronized int pending() {
    return albums.size();
  }

  private static final class Pending<T> {
    final List<T> parts = new ArrayList<>();
    Instant lastPartAt;
  }
}
