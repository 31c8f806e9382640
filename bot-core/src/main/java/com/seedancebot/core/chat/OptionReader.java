package com.seedancebot.core.chat;

import com.seedancebot.core.chat.CommandTokenizer.Token;
import com.seedancebot.core.request.ValidationProblem;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the options out of a command's words (options may stand anywhere, before, between or after
 * the prompt words) and keeps the other words in order. Checks the form of values only (a duration
 * is a whole number); whether a model accepts them is the request validator's job. Collects every
 * problem instead of stopping at the first. Stateless and thread-safe.
 */
final class OptionReader {

  /** What the words held: the options, the remaining words, which options appeared, problems. */
  record Reading(
      VideoOptions options,
      List<Token> words,
      Set<VideoOption> used,
      List<ValidationProblem> problems) {}

  private static final String DASHES = "-‐‑‒–—―−﹘﹣－";
  private static final Pattern OPTION = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)(?:=(.*))?");

  Reading read(List<Token> tokens) {
    OptionAccumulator acc = new OptionAccumulator();
    List<Token> words = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Optional<Written> written = asOption(tokens.get(i));
      if (written.isEmpty()) {
        words.add(tokens.get(i));
        continue;
      }
      Written w = written.get();
      Optional<VideoOption> option = VideoOption.byName(w.name());
      if (option.isEmpty()) {
        acc.unknown(w.name());
        continue;
      }
      VideoOption o = option.get();
      if (!o.takesValue()) {
        if (w.value() != null) {
          acc.unexpectedValue(o);
        } else {
          acc.flag(o);
        }
        continue;
      }
      String value = w.value();
      if (value == null && i + 1 < tokens.size() && asOption(tokens.get(i + 1)).isEmpty()) {
        value = tokens.get(++i).value();
      }
      if (value == null || value.isBlank()) {
        acc.missingValue(o);
      } else {
        acc.value(o, value.strip());
      }
    }
    return new Reading(acc.build(), List.copyOf(words), acc.used(), acc.problems());
  }

  /** An option as written: its name without dashes and the value after {@code =}, if any. */
  private record Written(String name, String value) {}

  /**
   * Whether a word is an option. Two ASCII hyphens always start one; a single hyphen or the dashes
   * phones and Chinese keyboards make of {@code --} (em dash, {@code ——}, full-width) start one
   * only when a known or nearly known option follows, so prose like {@code -1} or {@code —wow}
   * stays prompt text.
   */
  private static Optional<Written> asOption(Token token) {
    if (token.quoted()) {
      return Optional.empty();
    }
    String raw = token.raw();
    int dashes = 0;
    while (dashes < raw.length() && DASHES.indexOf(raw.charAt(dashes)) >= 0) {
      dashes++;
    }
    Matcher m = OPTION.matcher(Normalizer.normalize(raw.substring(dashes), Normalizer.Form.NFKC));
    if (dashes == 0 || !m.matches()) {
      return Optional.empty();
    }
    boolean plainDoubleHyphen = raw.startsWith("--");
    boolean known = VideoOption.byName(m.group(1)).isPresent();
    boolean phoneDash = dashes > 1 || raw.charAt(0) != '-';
    if (plainDoubleHyphen
        || known
        || (phoneDash && OptionSuggester.closest(m.group(1)).isPresent())) {
      return Optional.of(new Written(m.group(1), m.group(2)));
    }
    return Optional.empty();
  }
}
