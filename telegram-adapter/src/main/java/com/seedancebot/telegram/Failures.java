package com.seedancebot.telegram;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Renders a failure for a log line or an error message: the exception's class and message, then
 * each distinct cause down to the root (e.g. {@code ConnectException: Failed to connect to
 * /127.0.0.1:9 <- Connection refused}), with the bot token masked. Never empty, even when every
 * message is null. A {@link TelegramCallException} is rendered as its message, which already names
 * its cause.
 */
public final class Failures {
  private Failures() {}

  /** The failure and its causes in one line, the token masked by {@code redactor}. */
  public static String describe(Throwable failure, TokenRedactor redactor) {
    StringBuilder text = new StringBuilder();
    Set<Throwable> seen = new LinkedHashSet<>();
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof TelegramCallException && text.length() == 0) {
        return redactor.redact(
            t.getMessage()); // built by TelegramApi: already names the cause, token-free
      }
      String message = t.getMessage();
      String part =
          t instanceof TokenRedactor.RedactedException
              ? message // "the.original.Class: redacted message"
              : t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
      if (text.length() > 0) {
        if (text.indexOf(message != null ? message : t.getClass().getName()) >= 0) {
          continue; // a wrapper repeating its cause's message adds nothing
        }
        text.append(" <- ");
      }
      text.append(part);
    }
    return redactor.redact(text.toString());
  }
}
