package com.seedancebot.core.governance;

import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The operator's banned-words list. An entry matches as a whole word ({@code fox} matches "a fox"
 * but not "foxes"); a {@code *} at either end lifts the word boundary on that side, so {@code
 * *fox*} matches anywhere, {@code fox*} matches "foxes". Matching is case- and width-insensitive:
 * entries and prompts are NFKC-normalised (full-width {@code ＦＯＸ} is {@code fox}) and lowercased.
 * Chinese and other scripts written without spaces have no word boundaries, so an entry that begins
 * or ends with an ideograph matches wherever it appears. Immutable and thread-safe.
 */
public final class BannedWords {

  private final List<Entry> entries;

  private BannedWords(List<Entry> entries) {
    this.entries = entries;
  }

  /** No banned words. */
  public static BannedWords none() {
    return new BannedWords(List.of());
  }

  /** The list from configuration entries; blank entries are dropped. */
  public static BannedWords of(Collection<String> configured) {
    return new BannedWords(
        configured.stream()
            .filter(Objects::nonNull)
            .map(String::strip)
            .filter(s -> !s.replace("*", "").isBlank())
            .map(Entry::parse)
            .toList());
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Whether {@code text} contains any banned word. */
  public boolean matches(String text) {
    if (text == null || entries.isEmpty()) {
      return false;
    }
    String normal = normalise(text);
    return entries.stream().anyMatch(e -> e.foundIn(normal));
  }

  static String normalise(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  private record Entry(String word, boolean boundedLeft, boolean boundedRight) {

    static Entry parse(String raw) {
      boolean openLeft = raw.startsWith("*");
      boolean openRight = raw.endsWith("*") && raw.length() > 1;
      String word = normalise(raw.substring(openLeft ? 1 : 0, raw.length() - (openRight ? 1 : 0)));
      return new Entry(
          word,
          !openLeft && !isIdeograph(word.codePointAt(0)),
          !openRight && !isIdeograph(word.codePointBefore(word.length())));
    }

    boolean foundIn(String text) {
      for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        int end = at + word.length();
        boolean leftOk = !boundedLeft || at == 0 || !isWordChar(text.codePointBefore(at));
        boolean rightOk =
            !boundedRight || end == text.length() || !isWordChar(text.codePointAt(end));
        if (leftOk && rightOk) {
          return true;
        }
      }
      return false;
    }

    private static boolean isWordChar(int codePoint) {
      return Character.isLetterOrDigit(codePoint) && !isIdeograph(codePoint);
    }

    private static boolean isIdeograph(int codePoint) {
      return Character.isIdeographic(codePoint)
          || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HIRAGANA
          || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.KATAKANA
          || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.THAI;
    }
  }
}
