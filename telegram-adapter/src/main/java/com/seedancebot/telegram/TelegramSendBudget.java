package com.seedancebot.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.seedancebot.core.delivery.ChatDeliveryException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Telegram's limits on messages a bot sends (not edits, which {@link EditThrottle} budgets): about
 * 30 a second in all, about one a second in one chat (short bursts allowed) and 20 a minute in one
 * group. {@link #tryTake} takes one message from the global and the chat's budget or says how long
 * to wait; a chat that spent its budget never slows another chat. Token buckets (Bucket4j) on the
 * injected clock. Thread-safe.
 */
public final class TelegramSendBudget {

  /** Telegram's published limits. */
  public static final int PER_SECOND = 30;

  public static final int PER_GROUP_PER_MINUTE = 20;
  private static final int CHAT_BURST = 3;

  private final TelegramApi.Sleeper sleeper;
  private final Duration maxInlineWait;
  private final TimeMeter time;
  private final Bucket global;
  private final Cache<String, Bucket> perChat =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

  /**
   * @param sleeper how short waits are spent (on the delivering worker)
   * @param maxInlineWait longer waits are handed back to the core as a retryable failure
   */
  public TelegramSendBudget(Clock clock, TelegramApi.Sleeper sleeper, Duration maxInlineWait) {
    Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.maxInlineWait = Objects.requireNonNull(maxInlineWait, "maxInlineWait");
    this.time =
        new TimeMeter() {
          @Override
          public long currentTimeNanos() {
            return Duration.ofMillis(clock.millis()).toNanos();
          }

          @Override
          public boolean isWallClockBased() {
            return true;
          }
        };
    this.global =
        Bucket.builder()
            .addLimit(
                Bandwidth.builder()
                    .capacity(PER_SECOND)
                    .refillGreedy(PER_SECOND, Duration.ofSeconds(1))
                    .build())
            .withCustomTimePrecision(time)
            .build();
  }

  /**
   * Takes one message to {@code chatId} from the budget, waiting in place when that is short.
   *
   * @throws ChatDeliveryException retryable, with the wait, when the budget is spent for longer
   */
  public void acquire(String chatId) {
    acquire(chatId, maxInlineWait);
  }

  /**
   * Like {@link #acquire(String)}, waiting in place up to {@code maxWait} in all: for messages the
   * core sends once and never retries (a command's reply), which must not be dropped because the
   * chat's statuses spent its budget a moment before.
   *
   * @throws ChatDeliveryException retryable, with the wait, when the budget is spent for longer
   */
  public void acquire(String chatId, Duration maxWait) {
    Duration waited = Duration.ZERO;
    Duration wait = tryTake(chatId);
    while (!wait.isZero()) {
      waited = waited.plus(wait);
      if (waited.compareTo(maxWait) > 0) {
        throw new ChatDeliveryException(
            "Telegram's sending budget for chat " + chatId + " is spent for " + wait,
            true,
            wait,
            null);
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChatDeliveryException("interrupted while waiting to send", true, wait, e);
      }
      wait = tryTake(chatId);
    }
  }

  /**
   * Takes one message to {@code chatId} from the budget.
   *
   * @return zero when it may be sent now, else how long to wait before asking again
   */
  public Duration tryTake(String chatId) {
    ConsumptionProbe all = global.tryConsumeAndReturnRemaining(1);
    if (!all.isConsumed()) {
      return Duration.ofNanos(all.getNanosToWaitForRefill());
    }
    ConsumptionProbe chat = perChat.get(chatId, this::chatBucket).tryConsumeAndReturnRemaining(1);
    if (!chat.isConsumed()) {
      global.addTokens(1);
      return Duration.ofNanos(chat.getNanosToWaitForRefill());
    }
    return Duration.ZERO;
  }

  private Bucket chatBucket(String chatId) {
    var builder =
        Bucket.builder()
            .addLimit(
                Bandwidth.builder()
                    .capacity(CHAT_BURST)
                    .refillGreedy(1, Duration.ofSeconds(1))
                    .build());
    if (chatId.startsWith("-")) {
      builder.addLimit(
          Bandwidth.builder()
              .capacity(PER_GROUP_PER_MINUTE)
              .refillIntervally(PER_GROUP_PER_MINUTE, Duration.ofMinutes(1))
              .build());
    }
    return builder.withCustomTimePrecision(time).build();
  }
}
