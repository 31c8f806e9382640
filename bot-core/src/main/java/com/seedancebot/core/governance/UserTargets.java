package com.seedancebot.core.governance;

import com.seedancebot.core.chat.Platform;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns how an admin names a user into that user's id on the admin's platform: a numeric id ({@code
 * 12345}), a platform-qualified id ({@code telegram:12345}), a Discord mention ({@code <@12345>})
 * or an {@code @username} the bot has seen ({@link KnownUsers}). Thread-safe.
 */
public final class UserTargets {

  private static final Pattern ID = Pattern.compile("\\d{1,30}");
  private static final Pattern MENTION = Pattern.compile("<@!?(\\d{1,30})>");
  private static final Pattern QUALIFIED = Pattern.compile("([A-Za-z]+):(\\d{1,30})");

  private final KnownUsers known;

  public UserTargets(KnownUsers known) {
    this.known = known;
  }

  /** The user id {@code named} stands for on {@code platform}, or empty when unknown. */
  public Optional<String> resolve(Platform platform, String named) {
    String s = named.strip();
    if (ID.matcher(s).matches()) {
      return Optional.of(s);
    }
    Matcher mention = MENTION.matcher(s);
    if (mention.matches()) {
      return Optional.of(mention.group(1));
    }
    Matcher qualified = QUALIFIED.matcher(s);
    if (qualified.matches()) {
      boolean samePlatform = qualified.group(1).toUpperCase(Locale.ROOT).equals(platform.name());
      return samePlatform ? Optional.of(qualified.group(2)) : Optional.empty();
    }
    if (s.startsWith("@") && s.length() > 1) {
      return known.find(platform, s);
    }
    return Optional.empty();
  }
}
