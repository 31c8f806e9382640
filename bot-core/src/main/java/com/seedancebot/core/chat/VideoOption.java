package com.seedancebot.core.chat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The options of {@code /video} and {@code /settings} in text form (DESIGN.md, "Commands"): the
 * canonical spelling users see in messages, the other spellings accepted, and whether a value
 * follows. Names match ignoring case, hyphens and underscores ({@code --Web_Search}).
 */
enum VideoOption {
  DURATION("duration", "8", "dur"),
  RATIO("ratio", "9:16", "ar", "aspect", "aspect-ratio"),
  RESOLUTION("res", "720p", "resolution"),
  MODEL("model", "fast"),
  AUDIO("audio", null, "sound"),
  NO_AUDIO("no-audio", null, "no-sound", "mute"),
  SEED("seed", "42"),
  LAST_FRAME("last-frame", null),
  REF("ref", null, "refs", "reference", "references"),
  ASSET("asset", "asset_id", "assets"),
  WATERMARK("watermark", null),
  WEB_SEARCH("web-search", null, "search"),
  DRAFT("draft", null, "preview"),
  FLEX("flex", null, "offline"),
  EXTEND("extend", null);

  private static final Map<String, VideoOption> BY_NAME =
      Arrays.stream(values())
          .flatMap(o -> o.spellings().map(s -> Map.entry(s, o)))
          .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

  private final String spelling;
  private final String example;
  private final List<String> aliases;

  VideoOption(String spelling, String example, String... aliases) {
    this.spelling = spelling;
    this.example = example;
    this.aliases = List.of(aliases);
  }

  /** How the option is written in messages: {@code --duration}. */
  String display() {
    return "--" + spelling;
  }

  /** Whether a value follows the option ({@code --ratio 9:16}); else it is a flag. */
  boolean takesValue() {
    return example != null;
  }

  /** A value to show in examples. */
  String example() {
    return example;
  }

  /** The option spelled {@code name} (without dashes), if any. */
  static Optional<VideoOption> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(normalize(name)));
  }

  /** Every spelling, normalized, with its option: what suggestions are measured against. */
  static Map<String, VideoOption> allSpellings() {
    return BY_NAME;
  }

  /** All options as users should write them, for lists in messages. */
  static String displayList(List<VideoOption> options) {
    return options.stream().map(VideoOption::display).collect(Collectors.joining(", "));
  }

  static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  private Stream<String> spellings() {
    return Stream.concat(Stream.of(spelling), aliases.stream()).map(VideoOption::normalize);
  }
}
