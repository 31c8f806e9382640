package com.seedancebot.core.delivery;

import java.time.Duration;

/**
 * A chat surface could not send or edit a message. {@code retryable} failures (rate limits,
 * network) are retried by the core after {@code retryAfter} (or its own backoff); others are final
 * (chat gone, bot removed, missing permission).
 */
public class ChatDeliveryException extends RuntimeException {
  private final boolean retryable;
  private final Duration retryAfter;

  public ChatDeliveryException(
      String message, boolean retryable, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  public boolean retryable() {
    return retryable;
  }

  /** The platform's requested wait, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
