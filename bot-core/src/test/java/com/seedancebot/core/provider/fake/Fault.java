package com.seedancebot.core.provider.fake;

/**
 * A scripted failure a fake server answers the next API request with (one fault per request, in the
 * order queued; media downloads are never affected). Each family renders it in its own wire format.
 */
public sealed interface Fault {

  /** 429 with the family's rate-limit envelope and, when not null, this {@code Retry-After}. */
  record RateLimited(String retryAfter) implements Fault {}

  /** 500 with the family's server-error envelope. */
  record ServerError() implements Fault {}

  /** Never answers; the request stays open until the client gives up or the server closes. */
  record Hang() implements Fault {}

  /** 200 with a truncated JSON body. */
  record Malformed() implements Fault {}

  /** 400 refusing the input with this content-safety code. */
  record ContentRefused(String code) implements Fault {}

  /** 503 with the family's "service unavailable" envelope. */
  record Unavailable() implements Fault {}

  /**
   * The connection is closed without an answer: before the request is handled (nothing happened)
   * or, {@code afterHandling}, once it was (a create made its task; only the answer is lost).
   */
  record Dropped(boolean afterHandling) implements Fault {}

  /** A short hang: the request is handled and answered normally, after {@code delay}. */
  record Slow(java.time.Duration delay) implements Fault {}

  static Fault rateLimited(String retryAfter) {
    return new RateLimited(retryAfter);
  }

  static Fault serverError() {
    return new ServerError();
  }

  static Fault hang() {
    return new Hang();
  }

  static Fault malformed() {
    return new Malformed();
  }

  static Fault unavailable() {
    return new Unavailable();
  }

  static Fault dropped(boolean afterHandling) {
    return new Dropped(afterHandling);
  }

  static Fault slow(java.time.Duration delay) {
    return new Slow(delay);
  }

  /** An input-text refusal ({@code InputTextSensitiveContentDetected.PolicyViolation}). */
  static Fault inputRefused() {
    return new ContentRefused("InputTextSensitiveContentDetected.PolicyViolation");
  }
}
