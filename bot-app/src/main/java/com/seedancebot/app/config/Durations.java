package com.seedancebot.app.config;

import java.time.Duration;
import java.util.Locale;

/** Durations written as operators write them in settings: {@code 3s}, {@code 2m}, {@code 0.5s}. */
final class Durations {

  private Durations() {}

  static String text(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
