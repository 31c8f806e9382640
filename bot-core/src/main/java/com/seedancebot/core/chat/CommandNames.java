package com.seedancebot.core.chat;

import java.util.List;
import java.util.Optional;

/**
 * The commands users are told about, and the one a user probably meant by an unknown {@code
 * /something}: a command that starts with what was typed ({@code /set}), or one within a small edit
 * distance, a swap of neighbouring letters counting as one edit ({@code /vidoe}). Stateless and
 * thread-safe.
 */
public final class CommandNames {

  /**
   * The commands {@code /help} lists, in its order (ties in a suggestion go to the earlier one).
   */
  static final List<String> KNOWN =
      List.of(
          "video",
          "story",
          "jobs",
          "show",
          "history",
          "cancel",
          "quota",
          "models",
          "settings",
          "help");

  private CommandNames() {}

  /** The commands users are told about (/help, command menus), in /help's order. */
  public static List<String> known() {
    return KNOWN;
  }

  /** The known command closest to {@code typed} (lowercase, no slash), or empty when none is. */
  static Optional<String> closest(String typed) {
    if (typed.length() >= 2) {
      Optional<String> prefix = KNOWN.stream().filter(k -> k.startsWith(typed)).findFirst();
      if (prefix.isPresent()) {
        return prefix;
      }
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String known : KNOWN) {
      int distance = OptionSuggester.distance(typed, known);
      if (distance < bestDistance) {
        best = known;
        bestDistance = distance;
      }
    }
    return bestDistance <= (typed.length() <= 4 ? 1 : 2) ? Optional.of(best) : Optional.empty();
  }
}
