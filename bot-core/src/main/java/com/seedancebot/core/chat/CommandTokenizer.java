package com.seedancebot.core.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the arguments of a command into words. A word that starts with a quote ({@code "}, the
 * curly quotes phones type, or the full-width one) runs to the next closing quote, whitespace
 * included, so its text is kept as typed and never read as an option. A quote that is never closed
 * is an ordinary character. Stateless and thread-safe.
 */
final class CommandTokenizer {

  private static final String OPENING_QUOTES = "\"“”„＂";
  private static final String CLOSING_QUOTES = "\"“”＂";

  /**
   * One word of the command.
   *
   * @param raw the word as typed, quotes included
   * @param inner for a word that is exactly one quoted span, the text between the quotes; else null
   */
  record Token(String raw, String inner) {

    /** Whether the word began with a closed quote: it is text, never an option. */
    boolean quoted() {
      return inner != null || isQuote(raw);
    }

    /** The word's value: the quoted text without its quotes, else the word as typed. */
    String value() {
      return inner != null ? inner : raw;
    }

    private static boolean isQuote(String raw) {
      return !raw.isEmpty()
          && OPENING_QUOTES.indexOf(raw.charAt(0)) >= 0
          && closingQuote(raw, 1) > 0;
    }
  }

  List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i))) {
        i++;
        continue;
      }
      int end = wordEnd(text, i);
      String raw = text.substring(i, end);
      String inner = null;
      if (OPENING_QUOTES.indexOf(raw.charAt(0)) >= 0) {
        int close = closingQuote(text, i + 1);
        if (close > 0) {
          end = Math.max(close + 1, wordEnd(text, close + 1));
          raw = text.substring(i, end);
          inner = end == close + 1 ? text.substring(i + 1, close) : null;
        }
      }
      tokens.add(new Token(raw, inner));
      i = end;
    }
    return tokens;
  }

  private static int wordEnd(String text, int from) {
    int j = from;
    while (j < text.length()
        && !Character.isWhitespace(text.charAt(j))
        && !Character.isSpaceChar(text.charAt(j))) {
      j++;
    }
    return j;
  }

  private static int closingQuote(String text, int from) {
    for (int j = from; j < text.length(); j++) {
      if (CLOSING_QUOTES.indexOf(text.charAt(j)) >= 0) {
        return j;
      }
    }
    return -1;
  }
}
