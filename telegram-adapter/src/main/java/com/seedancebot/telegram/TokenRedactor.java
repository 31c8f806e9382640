package com.seedancebot.telegram;

import java.util.Objects;

/**
 * Removes the bot token from text and exceptions before they reach a log, a user or the core.
 * Telegram puts the token in every request path, so any library message or stack that mentions a
 * URL may carry it. Thread-safe.
 */
public final class TokenRedactor {
  private static final String MASK = "<bot-token>";
  private final String token;

  public TokenRedactor(String token) {
    this.token = Objects.requireNonNull(token, "token");
  }

  /** The text with every occurrence of the token masked; null stays null. */
  public String redact(String text) {
    return text == null || token.isEmpty() ? text : text.replace(token, MASK);
  }

  /**
   * A copy of the exception chain whose messages cannot contain the token: same class names and
   * stack traces, redacted messages. Null stays null.
   */
  public Throwable redact(Throwable error) {
    if (error == null) {
      return null;
    }
    return new RedactedException(
        error.getClass().getName() + ": " + redact(error.getMessage()),
        redact(error.getCause() == error ? null : error.getCause()),
        error.getStackTrace());
  }

  /** A stand-in for an exception whose message was redacted. */
  static final class RedactedException extends Exception {
    RedactedException(String message, Throwable cause, StackTraceElement[] stack) {
      super(message, cause);
      setStackTrace(stack);
    }
  }
}
