package com.seedancebot.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Locale;

/**
 * Remembers each user's language from their last update, so labels the core does not render (inline
 * buttons, the upload-limit note) match the text around them. Unknown users get a guess from the
 * rendered text (any CJK ideograph means Chinese). Thread-safe.
 */
public final class UserLanguages {
  private final Cache<String, Locale> byUser;

  public UserLanguages(Duration ttl, Ticker ticker) {
    this.byUser =
        Caffeine.newBuilder().expireAfterAccess(ttl).maximumSize(100_000).ticker(ticker).build();
  }

  public void remember(String userId, Locale locale) {
    if (userId != null && locale != null) {
      byUser.put(userId, locale);
    }
  }

  /** The user's language, else the language {@code renderedText} is written in. */
  public Locale of(String userId, String renderedText) {
    Locale known = userId == null ? null : byUser.getIfPresent(userId);
    if (known != null) {
      return known;
    }
    return containsHan(renderedText) ? Locale.CHINESE : Locale.ENGLISH;
  }

  private static boolean containsHan(String text) {
    return text != null
        && text.codePoints()
            .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
  }
}
