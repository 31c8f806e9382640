package com.seedancebot.core.chat;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who asked: a user on one platform. {@code locale} is the language replies use (English or
 * Chinese); {@code admin} is whether the user may manage the chat (cancel others' jobs, settings);
 * {@code roles} are the ids of the user's roles in the server (Discord), empty where there are
 * none.
 */
public record UserRef(
    Platform platform,
    String userId,
    String displayName,
    Locale locale,
    boolean admin,
    Set<String> roles) {
  public UserRef {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(userId, "userId");
    displayName = displayName == null ? userId : displayName;
    locale = locale == null ? Locale.ENGLISH : locale;
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  /** A user without roles. */
  public UserRef(
      Platform platform, String userId, String displayName, Locale locale, boolean admin) {
    this(platform, userId, displayName, locale, admin, Set.of());
  }

  /**
   * A user key as an operator writes it in configuration ({@code telegram:123}, any case) in the
   * form of {@link #key()} ({@code TELEGRAM:123}).
   *
   * @throws IllegalArgumentException when it names no platform
   */
  public static String keyOf(String written) {
    int colon = written.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "'" + written + "' must name its platform, e.g. telegram:123 or discord:456");
    }
    return written.substring(0, colon).strip().toUpperCase(Locale.ROOT)
        + ":"
        + written.substring(colon + 1).strip();
  }

  /** The key quotas and ownership use, e.g. {@code TELEGRAM:12345}. */
  public String key() {
    return platform + ":" + userId;
  }
}
