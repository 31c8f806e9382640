package com.seedancebot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.seedancebot.telegram.store.JdbcUpdateInbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The one way in for Telegram updates, by webhook or long polling, on every instance sharing the
 * database. {@link #receive} stores an update in the {@link JdbcUpdateInbox} (an {@code update_id}
 * stored before is dropped) and returns only then, so Telegram is answered, or its offset
 * confirmed, once the update is safe; a new update is then handed to the inbound executor and
 * processed there if this instance claims it. Album parts are only stored: {@link #drain}, run
 * periodically by every instance, hands over each album once no part arrived for the quiet period,
 * and every update nobody holds (its instance died processing it, or the executor was full). {@link
 * #renewLeases} keeps the claims of work still running. Thread-safe.
 */
final class UpdateIntake {
  private static final Logger log = LoggerFactory.getLogger(UpdateIntake.class);
  private static final int DRAIN_BATCH = 100;

  private final JdbcUpdateInbox inbox;
  private final TelegramUpdateHandler handler;
  private final ObjectMapper json;
  private final Executor executor;
  private final Clock clock;
  private final String owner;
  private final Duration leaseTime;
  private final Duration quietPeriod;
  private final Duration retention;
  private final Cache<Object, Boolean> queued; // update ids and album keys handed to the executor
  private final Set<Long> working = ConcurrentHashMap.newKeySet();
  private final Set<String> workingAlbums = ConcurrentHashMap.newKeySet();

  /**
   * @param owner this instance's name in the inbox's leases
   */
  UpdateIntake(
      JdbcUpdateInbox inbox,
      TelegramUpdateHandler handler,
      ObjectMapper json,
      Executor executor,
      Clock clock,
      String owner,
      TelegramSettings settings) {
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.json = Objects.requireNonNull(json, "json");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.leaseTime = settings.leaseTime();
    this.quietPeriod = settings.albumQuietPeriod();
    this.retention = settings.inboxRetention();
    Ticker ticker = () -> Duration.ofMillis(clock.millis()).toNanos();
    // an entry that outlives a lease time was dropped by a full executor: offer it again
    this.queued = Caffeine.newBuilder().expireAfterWrite(leaseTime).ticker(ticker).build();
  }

  /** Takes up the updates this instance (under its name) left unfinished when it stopped. */
  void start() {
    int released = inbox.releaseAll(owner);
    if (released > 0) {
      log.info("Taking up {} Telegram updates left unfinished by the last run", released);
    }
  }

  /**
   * Stores an update as Telegram sent it ({@code body}) and, when it is new, starts processing it.
   * Throws when it could not be stored (Telegram must deliver it again).
   *
   * @return false when an update with its id was received before
   */
  boolean receive(Update update, String body) {
    if (update.getUpdateId() == null) {
      throw new IllegalArgumentException("an update without update_id");
    }
    long id = update.getUpdateId();
    String album = albumKey(update);
    if (!inbox.add(id, body, album, clock.instant())) {
      log.debug("Telegram update {} received again; dropped", id);
      return false;
    }
    if (album == null) {
      hand(id, () -> process(id));
    }
    return true;
  }

  /** Hands over settled albums and updates nobody holds (periodic). */
  void drain() {
    Instant now = clock.instant();
    for (long id : inbox.unclaimed(now, DRAIN_BATCH)) {
      hand(id, () -> process(id));
    }
    for (String album : inbox.settledAlbums(now.minus(quietPeriod), now, DRAIN_BATCH)) {
      hand(album, () -> processAlbum(album));
    }
  }

  /** Extends the claims of updates and albums still being processed here (periodic). */
  void renewLeases() {
    if (!working.isEmpty() || !workingAlbums.isEmpty()) {
      inbox.renew(owner, List.copyOf(working), List.copyOf(workingAlbums), leaseEnd());
    }
  }

  /** Deletes updates older than the retention (periodic). */
  void prune() {
    int deleted = inbox.prune(clock.instant().minus(retention));
    log.debug("Pruned {} Telegram updates", deleted);
  }

  private void hand(Object key, Runnable work) {
    if (queued.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
      return; // already waiting for a worker here
    }
    try {
      executor.execute(
          () -> {
            queued.invalidate(key);
            try {
              work.run();
            } catch (RuntimeException e) {
              log.error("Telegram update {} could not be processed: {}", key, e.toString());
            }
          });
    } catch (RejectedExecutionException e) {
      queued.invalidate(key); // shutting down: the update stays stored for the next drain
    }
  }

  private void process(long id) {
    Optional<String> body = inbox.claim(id, owner, clock.instant(), leaseEnd());
    if (body.isEmpty()) {
      return; // done, or another instance has it
    }
    working.add(id);
    try {
      handler.process(parse(body.get()));
    } finally {
      working.remove(id);
      inbox.markDone(id, owner, clock.instant());
    }
  }

  private void processAlbum(String album) {
    List<String> bodies = inbox.claimAlbum(album, owner, clock.instant(), leaseEnd());
    if (bodies.isEmpty()) {
      return;
    }
    workingAlbums.add(album);
    try {
      List<Message> parts = bodies.stream().map(this::parse).map(Update::getMessage).toList();
      handler.processAlbum(parts);
    } finally {
      workingAlbums.remove(album);
      inbox.markAlbumDone(album, owner, clock.instant());
    }
  }

  private Instant leaseEnd() {
    return clock.instant().plus(leaseTime);
  }

  private Update parse(String body) {
    try {
      return json.readValue(body, Update.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored update is unreadable: " + e.getOriginalMessage());
    }
  }

  /** Chat and media group of an album part; null for anything else. */
  private static String albumKey(Update update) {
    if (!update.hasMessage() || update.getMessage().getMediaGroupId() == null) {
      return null;
    }
    Message m = update.getMessage();
    return m.getChatId() + ":" + m.getMediaGroupId();
  }
}
