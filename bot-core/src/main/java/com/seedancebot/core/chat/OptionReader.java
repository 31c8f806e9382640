package com.seedancebot.core.chat;

import com.seedancebot.core.chat.CommandTokenizer.Token;
import com.seedancebot.core.request.ValidationProblem;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  private static final Pattern DURATION =
      Pattern.compile("([+-]?\\d+)\\s*(?:s|sec|secs|second|seconds|秒)?");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern RATIO = Pattern.compile("(\\d+)\\s*[x×/:]\\s*(\\d+)");
  private static final String ASSET_SCHEME = "asset://";
  // a value at the end of a sentence: "--ratio 9:16." or "--ratio 9:16。"
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;!?。，；！？、]+$");

  Reading read(List<Token> tokens) {
    Accumulator acc = new Accumulator();
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
      acc.used.add(o);
      if (!o.takesValue()) {
        if (w.value() != null) {
          acc.problems.add(ValidationProblem.of("option.no_value", o.display()));
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
        acc.problems.add(ValidationProblem.of("option.missing_value", o.display(), o.example()));
      } else {
        acc.value(o, value.strip());
      }
    }
    return new Reading(acc.build(), List.copyOf(words), Set.copyOf(acc.used), acc.problems);
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

  /** The options read so far, with conflict detection. */
  private static final class Accumulator {
    final List<ValidationProblem> problems = new ArrayList<>();
    final Set<VideoOption> used = new LinkedHashSet<>();
    final Map<VideoOption, Object> values = new EnumMap<>(VideoOption.class);
    final Map<VideoOption, String> shown = new EnumMap<>(VideoOption.class);
    final Set<String> assets = new LinkedHashSet<>();

    void unknown(String name) {
      String typed = "--" + name;
      problems.add(
          OptionSuggester.closest(name)
              .map(o -> ValidationProblem.of("option.unknown", typed, o.display()))
              .orElseGet(
                  () ->
                      ValidationProblem.of(
                          "option.unknown_list",
                          typed,
                          VideoOption.displayList(List.of(VideoOption.values())))));
    }

    void flag(VideoOption option) {
      boolean off = option == VideoOption.NO_AUDIO;
      set(off ? VideoOption.AUDIO : option, !off, option.display());
    }

    void value(VideoOption option, String value) {
      String shownAs = option.display() + " " + value;
      String form =
          TRAILING_PUNCTUATION
              .matcher(Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
              .replaceFirst("");
      switch (option) {
        case DURATION -> number(option, value, duration(form), shownAs);
        case SEED -> number(option, value, INTEGER.matcher(form).matches() ? form : null, shownAs);
        case RATIO -> set(option, ratio(form), shownAs);
        case RESOLUTION -> set(option, form.matches("\\d+") ? form + "p" : form, shownAs);
        case MODEL -> set(option, value, shownAs);
        case ASSET -> asset(value);
        case AUDIO, NO_AUDIO, LAST_FRAME, REF, WATERMARK, WEB_SEARCH ->
            throw new IllegalArgumentException(option + " takes no value");
      }
    }

    private void number(VideoOption option, String value, String digits, String shownAs) {
      Object parsed = digits == null ? null : parse(option, digits);
      if (parsed == null) {
        problems.add(
            ValidationProblem.of("option.not_a_number", option.display(), value, option.example()));
      } else {
        set(option, parsed, shownAs);
      }
    }

    /** The number, or null when it does not fit (a 40-digit "seed"). */
    private static Object parse(VideoOption option, String digits) {
      try {
        if (option == VideoOption.SEED) {
          return Long.valueOf(digits);
        }
        return Integer.valueOf(digits);
      } catch (NumberFormatException e) {
        return null;
      }
    }

    private static String duration(String form) {
      if (form.equals("auto")) {
        return "-1";
      }
      Matcher m = DURATION.matcher(form);
      return m.matches() ? m.group(1) : null;
    }

    private static String ratio(String form) {
      Matcher m = RATIO.matcher(form);
      return m.matches() ? m.group(1) + ":" + m.group(2) : form;
    }

    private void asset(String value) {
      String id =
          value.regionMatches(true, 0, ASSET_SCHEME, 0, ASSET_SCHEME.length())
              ? value.substring(ASSET_SCHEME.length())
              : value;
      if (id.isBlank()) {
        problems.add(
            ValidationProblem.of(
                "option.missing_value", VideoOption.ASSET.display(), VideoOption.ASSET.example()));
      } else {
        assets.add(ASSET_SCHEME + id);
      }
    }

    private void set(VideoOption slot, Object value, String shownAs) {
      Object earlier = values.putIfAbsent(slot, value);
      if (earlier == null) {
        shown.put(slot, shownAs);
      } else if (!earlier.equals(value)) {
        problems.add(
            ValidationProblem.of("option.conflict", slot.display(), shown.get(slot), shownAs));
      }
    }

    VideoOptions build() {
      return new VideoOptions(
          (Integer) values.get(VideoOption.DURATION),
          (String) values.get(VideoOption.RATIO),
          (String) values.get(VideoOption.RESOLUTION),
          (String) values.get(VideoOption.MODEL),
          (Boolean) values.get(VideoOption.AUDIO),
          (Long) values.get(VideoOption.SEED),
          values.containsKey(VideoOption.LAST_FRAME),
          values.containsKey(VideoOption.REF),
          List.copyOf(assets),
          values.containsKey(VideoOption.WATERMARK),
          values.containsKey(VideoOption.WEB_SEARCH));
    }
  }
}
