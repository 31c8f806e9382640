package com.seedancebot.telegram;

import java.util.Locale;
import java.util.Optional;

/**
 * The bot's own username, learnt from {@code getMe} when the connection starts. Group commands may
 * carry it as a suffix ({@code /video@MyBot}); a command addressed to another bot is not ours.
 * Thread-safe.
 */
public final class TelegramBotIdentity {
  private volatile String username;

  /** The username without "@", once known. */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  void learn(String username) {
    this.username = username;
  }

  /**
   * Whether the text starts with a bot command meant for this bot: a leading "/" and either no
   * {@code @suffix} or this bot's username (case-insensitive). Only addressing is checked here; the
   * core parses the command itself.
   */
  public boolean addressedToUs(String text) {
    if (text == null) {
      return false;
    }
    String trimmed = text.stripLeading();
    if (!trimmed.startsWith("/") || trimmed.length() < 2) {
      return false;
    }
    int end = 0;
    while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end))) {
      end++;
    }
    String command = trimmed.substring(0, end);
    int at = command.indexOf('@');
    if (at < 0) {
      return true;
    }
    String known = username;
    return known == null
        || command
            .substring(at + 1)
            .toLowerCase(Locale.ROOT)
            .equals(known.toLowerCase(Locale.ROOT));
  }
}
