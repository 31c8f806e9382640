package com.seedancebot.core.chat;

import java.util.Map;
import java.util.Optional;

/**
 * Finds the option a user probably meant when they typed an unknown one: an option that starts with
 * what was typed ({@code --dur}), or one within a small edit distance, counting a swap of two
 * neighbouring letters as one edit ({@code --ratoi}). Stateless and thread-safe.
 */
final class OptionSuggester {

  private OptionSuggester() {}

  /** The closest option to {@code typed} (without dashes), or empty when none is close. */
  static Optional<VideoOption> closest(String typed) {
    String wanted = VideoOption.normalize(typed);
    if (wanted.isEmpty()) {
      return Optional.empty();
    }
    VideoOption best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Map.Entry<String, VideoOption> spelling : VideoOption.allSpellings().entrySet()) {
      String candidate = spelling.getKey();
      int distance =
          wanted.length() >= 2 && candidate.startsWith(wanted) ? 1 : distance(wanted, candidate);
      if (distance < bestDistance
          || (distance == bestDistance && spelling.getValue().ordinal() < best.ordinal())) {
        best = spelling.getValue();
        bestDistance = distance;
      }
    }
    return bestDistance <= allowedEdits(wanted) ? Optional.of(best) : Optional.empty();
  }

  private static int allowedEdits(String wanted) {
    return wanted.length() <= 3 ? 1 : wanted.length() <= 6 ? 2 : 3;
  }

  /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
