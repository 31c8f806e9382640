package com.seedancebot.core.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * A provider call that did not succeed, classified so the core knows what to do: retry later, tell
 * the user their content was refused, tell the user their request was invalid, or tell the user the
 * service is unavailable and alert the operator. Messages never contain secrets.
 */
public final class ProviderException extends RuntimeException {

  /** The four ways a provider call can fail. */
  public enum Kind {
    /** 429, 5xx, timeouts, I/O, malformed bodies: retry with backoff. */
    TRANSIENT,
    /** Input or output refused by the content-safety filter: explain and refund. */
    CONTENT_REFUSED,
    /** The request itself is wrong (400): do not retry, explain. */
    INVALID_REQUEST,
    /** Authentication, balance, permissions, model not enabled: operator problem. */
    OPERATOR
  }

  private final Kind kind;
  private final String code;
  private final Duration retryAfter;
  private boolean outcomeUnknown;

  public ProviderException(Kind kind, String code, String message, Duration retryAfter) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.code = code;
    this.retryAfter = retryAfter;
  }

  public ProviderException(Kind kind, String code, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.code = code;
    this.retryAfter = null;
  }

  /**
   * A transient failure after which the request may still have taken effect at the provider (the
   * connection broke or timed out after sending, or a 2xx answer could not be read): a create must
   * be looked for before it is sent again.
   */
  public static ProviderException outcomeUnknown(String code, String message, Throwable cause) {
    ProviderException e = new ProviderException(Kind.TRANSIENT, code, message, cause);
    e.outcomeUnknown = true;
    return e;
  }

  /** Whether the request may have taken effect although it failed (see {@link #outcomeUnknown}). */
  public boolean isOutcomeUnknown() {
    return outcomeUnknown;
  }

  public static ProviderException transientFailure(String message, Duration retryAfter) {
    return new ProviderException(Kind.TRANSIENT, null, message, retryAfter);
  }

  public Kind kind() {
    return kind;
  }

  /** The provider's error code, or null. */
  public String code() {
    return code;
  }

  /** The provider's {@code Retry-After}, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
