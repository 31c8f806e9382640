package com.seedancebot.core.chat;

import com.seedancebot.core.request.ValidationProblem;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of one command as {@link OptionReader} meets them: normalizes each value's form,
 * notices an option given twice with different values, and collects the problems. One instance per
 * command, confined to the parsing thread.
 */
final class OptionAccumulator {

  private static final Pattern DURATION =
      Pattern.compile("([+-]?\\d+)\\s*(?:s|sec|secs|second|seconds|秒)?");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern RATIO = Pattern.compile("(\\d+)\\s*[x×/:]\\s*(\\d+)");
  private static final String ASSET_SCHEME = "asset://";
  // a value at the end of a sentence: "--ratio 9:16." or "--ratio 9:16。"
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;!?。，；！？、]+$");

  private final List<ValidationProblem> problems = new ArrayList<>();
  private final Set<VideoOption> used = new LinkedHashSet<>();
  private final Map<VideoOption, Object> values = new EnumMap<>(VideoOption.class);
  private final Map<VideoOption, String> shown = new EnumMap<>(VideoOption.class);
  private final Set<String> assets = new LinkedHashSet<>();

  List<ValidationProblem> problems() {
    return List.copyOf(problems);
  }

  /** Every known option that appeared, valid or not. */
  Set<VideoOption> used() {
    return Set.copyOf(used);
  }

  void missingValue(VideoOption option) {
    used.add(option);
    problems.add(ValidationProblem.of("option.missing_value", option.display(), option.example()));
  }

  void unexpectedValue(VideoOption option) {
    used.add(option);
    problems.add(ValidationProblem.of("option.no_value", option.display()));
  }

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
    used.add(option);
    boolean off = option == VideoOption.NO_AUDIO;
    set(off ? VideoOption.AUDIO : option, !off, option.display());
  }

  void value(VideoOption option, String value) {
    used.add(option);
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
      case AUDIO, NO_AUDIO, LAST_FRAME, REF, WATERMARK, WEB_SEARCH, DRAFT, FLEX, EXTEND ->
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
        values.containsKey(VideoOption.WEB_SEARCH),
        values.containsKey(VideoOption.DRAFT),
        values.containsKey(VideoOption.FLEX));
  }
}
