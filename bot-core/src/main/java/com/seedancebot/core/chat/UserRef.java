package com.seedancebot.core.chat;

import java.util.Locale;
import java.util.Objects;

/**
 * Who asked: a user on one platform. {@code locale} is the language replies use (English or
 * Chinese); {@code admin} is whether the user may manage the chat (cancel others' jobs, settings).
 */
public record UserRef(
    Platform platform, String userId, String displayName, Locale locale, boolean admin) {
  public UserRef {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(userId, "userId");
    displayName = displayName == null ? userId : displayName;
    locale = locale == null ? Locale.ENGLISH : locale;
  }

  /** The key quotas and ownership use, e.g. {@code TELEGRAM:12345}. */
  public String key() {
    return platform + ":" + userId;
  }
}
