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

  /** An input-text refusal ({@code InputTextSensitiveContentDetected.PolicyViolation}). */
  static Fault inputRefused() {
    return new ContentRefused("InputTextSensitiveContentDetected.PolicyViolation");
  }
}
