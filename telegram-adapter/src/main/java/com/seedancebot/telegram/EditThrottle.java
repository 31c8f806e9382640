package com.seedancebot.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The budget for editing the bot's messages, so a busy bot stays inside Telegram's limits: at most
 * one edit per message per interval, and in group chats (negative chat ids) at most a number of
 * edits per minute per chat. Time comes from the injected clock. Thread-safe.
 */
public final class EditThrottle {
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final Clock clock;
  private final Duration perMessage;
  private final int perGroupPerMinute;
  private final Map<String, Instant> lastByMessage = new HashMap<>();
  private final Map<String, Deque<Instant>> recentByChat = new HashMap<>();

  public EditThrottle(Clock clock, Duration perMessage, int perGroupPerMinute) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.perMessage = Objects.requireNonNull(perMessage, "perMessage");
    this.perGroupPerMinute = perGroupPerMinute;
  }

  /** Takes one edit of the message from the budget if there is one now; false otherwise. */
  public synchronized boolean tryAcquire(String chatId, String messageId) {
    Instant now = clock.instant();
    Instant last = lastByMessage.get(key(chatId, messageId));
    if (last != null && now.isBefore(last.plus(perMessage))) {
      return false;
    }
    Deque<Instant> recent = recent(chatId, now);
    if (isGroup(chatId) && recent.size() >= perGroupPerMinute) {
      return false;
    }
    record(chatId, messageId, now);
    return true;
  }

  /** Records a message just sent, so its first edit waits a full interval. */
  public synchronized void sent(String chatId, String messageId) {
    record(chatId, messageId, clock.instant());
  }

  /** Blocks edits of the message until {@code until} (Telegram asked to wait). */
  public synchronized void holdUntil(String chatId, String messageId, Instant until) {
    lastByMessage.put(key(chatId, messageId), until.minus(perMessage));
  }

  private void record(String chatId, String messageId, Instant now) {
    if (lastByMessage.size() > 10_000) {
      // entries older than an interval no longer restrict anything
      lastByMessage.values().removeIf(last -> !last.plus(perMessage).isAfter(now));
    }
    lastByMessage.put(key(chatId, messageId), now);
    recent(chatId, now).addLast(now);
  }

  private Deque<Instant> recent(String chatId, Instant now) {
    if (recentByChat.size() > 10_000) {
      recentByChat.values().removeIf(d -> d.isEmpty() || !d.peekLast().plus(WINDOW).isAfter(now));
    }
    Deque<Instant> recent = recentByChat.computeIfAbsent(chatId, c -> new ArrayDeque<>());
    while (!recent.isEmpty() && !recent.peekFirst().plus(WINDOW).isAfter(now)) {
      recent.pollFirst();
    }
    return recent;
  }

  private static boolean isGroup(String chatId) {
    return chatId.startsWith("-");
  }

  private static String key(String chatId, String messageId) {
    return chatId + "/" + messageId;
  }
}
