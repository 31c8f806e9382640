package com.seedancebot.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Remembers the interactions the adapter handed to the core, so that answers can use the
 * interaction's webhook while its token is valid. Keys are the request ids the core sees (the
 * interaction id) and the ids of messages sent through the webhook (the original response and
 * follow-ups). A ticket is <em>live</em> while its token is usable: Discord allows 15 minutes from
 * the interaction; we stop one minute early so that a slow edit does not race the deadline. Time is
 * measured on the injected clock. Entries are kept a day (bounded in number) so that a status moved
 * to a channel message is recognised after its token expired. Thread-safe.
 *
 * @param <H> the platform handle of an interaction (JDA's {@code InteractionHook})
 */
public final class InteractionRegistry<H> {

  /** How long Discord accepts an interaction token. */
  public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

  /** How early before the deadline the adapter stops using a token. */
  public static final Duration SAFETY_MARGIN = Duration.ofMinutes(1);

  private static final Duration RETENTION = Duration.ofDays(1);

  private final Clock clock;
  private final Cache<String, Ticket<H>> byRequest;
  private final Cache<String, Ticket<H>> byMessage;

  public InteractionRegistry(Clock clock) {
    this.clock = clock;
    Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    this.byRequest = cache(ticker);
    this.byMessage = cache(ticker);
  }

  private static <V> Cache<String, V> cache(Ticker ticker) {
    return Caffeine.newBuilder()
        .ticker(ticker)
        .expireAfterWrite(RETENTION)
        .maximumSize(50_000)
        .build();
  }

  /** Records an interaction just acknowledged; its token counts from now. */
  public Ticket<H> register(String interactionId, H handle, Locale locale, boolean ephemeral) {
    Ticket<H> ticket = new Ticket<>(handle, clock.instant(), locale, ephemeral);
    byRequest.put(interactionId, ticket);
    return ticket;
  }

  /** Records that a message was sent through this ticket's webhook. */
  public void bindMessage(String messageId, Ticket<H> ticket) {
    byMessage.put(messageId, ticket);
  }

  /** The ticket of a request id, live or not. */
  public Optional<Ticket<H>> forRequest(String requestId) {
    return requestId == null
        ? Optional.empty()
        : Optional.ofNullable(byRequest.getIfPresent(requestId));
  }

  /** The ticket whose webhook sent this message, live or not. */
  public Optional<Ticket<H>> forMessage(String messageId) {
    return messageId == null
        ? Optional.empty()
        : Optional.ofNullable(byMessage.getIfPresent(messageId));
  }

  /** Whether the ticket's token may still be used now. */
  public boolean isLive(Ticket<H> ticket) {
    Instant deadline = ticket.createdAt().plus(TOKEN_LIFETIME).minus(SAFETY_MARGIN);
    return clock.instant().isBefore(deadline);
  }

  /**
   * One acknowledged interaction. {@code originalMessageId} is null while the deferred response
   * still shows "thinking"; it is set once the original response holds a message, or to {@link
   * #DELETED} once it was removed.
   */
  public static final class Ticket<H> {
    /** Marks an original response that was deleted. */
    public static final String DELETED = "";

    private static final String CLAIMED = "claimed";

    private final H handle;
    private final Instant createdAt;
    private final Locale locale;
    private final boolean ephemeral;
    private String originalMessageId;

    Ticket(H handle, Instant createdAt, Locale locale, boolean ephemeral) {
      this.handle = Objects.requireNonNull(handle, "handle");
      this.createdAt = createdAt;
      this.locale = locale == null ? Locale.ENGLISH : locale;
      this.ephemeral = ephemeral;
    }

    public H handle() {
      return handle;
    }

    public Instant createdAt() {
      return createdAt;
    }

    public Locale locale() {
      return locale;
    }

    /** Whether the interaction was deferred so that only its user sees the answer. */
    public boolean ephemeral() {
      return ephemeral;
    }

    /** Whether the original response is still the "thinking" placeholder. */
    public synchronized boolean originalPending() {
      return originalMessageId == null;
    }

    public synchronized String originalMessageId() {
      return originalMessageId;
    }

    /**
     * Claims the pending original response for one answer; false when another answer already did.
     * The claimer then calls {@link #originalIs} with the message id, or {@link #releaseOriginal}
     * if the edit failed.
     */
    public synchronized boolean claimOriginal() {
      if (originalMessageId != null) {
        return false;
      }
      originalMessageId = CLAIMED;
      return true;
    }

    /** Gives the original response back after a failed edit. */
    public synchronized void releaseOriginal() {
      if (CLAIMED.equals(originalMessageId)) {
        originalMessageId = null;
      }
    }

    public synchronized void originalIs(String messageId) {
      originalMessageId = messageId;
    }
  }
}
