package com.seedancebot.discord;

import com.seedancebot.core.chat.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why the adapter answered an interaction itself instead of passing it to the core: a message key
 * of the {@code discord} bundle and its arguments, rendered in the user's language on the way out.
 */
public record Rejection(String key, List<Object> args) {
  public Rejection {
    Objects.requireNonNull(key, "key");
    args = List.copyOf(args);
  }

  public static Rejection of(String key, Object... args) {
    return new Rejection(key, List.of(args));
  }

  /** The text in the user's language. */
  public String render(Messages messages, Locale locale) {
    return messages.get(locale, key, args.toArray());
  }
}
