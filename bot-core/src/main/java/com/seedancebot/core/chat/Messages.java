package com.seedancebot.core.chat;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-facing sentence of the bot, in English and Chinese. Keys live in UTF-8 properties
 * bundles under {@code i18n/} (one bundle per area: {@code core}, {@code problems}, {@code help},
 * and one per chat surface, which may live in the adapter's jar); arguments use {@link
 * MessageFormat}. A missing key falls back to English, then to the key itself, so a user never sees
 * an exception. Thread-safe.
 */
public final class Messages {

  private static final List<String> BUNDLES =
      List.of(
          "i18n/core",
          "i18n/problems",
          "i18n/help",
          "i18n/governance",
          "i18n/telegram",
          "i18n/discord",
          "i18n/playground");
  private static final Locale CHINESE = Locale.CHINESE;

  /** The bot's language for a platform locale tag: any {@code zh*} is Chinese, else English. */
  public static Locale languageOf(String localeTag) {
    if (localeTag != null && localeTag.toLowerCase(Locale.ROOT).startsWith("zh")) {
      return CHINESE;
    }
    return Locale.ENGLISH;
  }

  /** The text for {@code key} in the user's language, with arguments filled in. */
  public String get(Locale locale, String key, Object... args) {
    Locale language = languageOf(locale == null ? null : locale.toLanguageTag());
    String pattern = lookup(language, key);
    if (pattern == null && language != Locale.ENGLISH) {
      pattern = lookup(Locale.ENGLISH, key);
    }
    if (pattern == null) {
      return key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, language).format(args);
  }

  /** Whether a key exists in the given language's bundles (for tests of completeness). */
  public boolean has(Locale language, String key) {
    return lookup(language, key) != null;
  }

  private static String lookup(Locale language, String key) {
    for (String bundle : BUNDLES) {
      try {
        ResourceBundle rb =
            ResourceBundle.getBundle(
                bundle,
                language,
                ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES));
        if (rb.containsKey(key)) {
          return rb.getString(key);
        }
      } catch (MissingResourceException e) {
        // this bundle has no file for the language; try the next one
      }
    }
    return null;
  }
}
