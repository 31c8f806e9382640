package com.seedancebot.core.quota;

import java.time.Duration;

/** The rolling windows a quota counts over: the last 24 hours, or the last 30 days. */
public enum QuotaPeriod {
  DAY(Duration.ofHours(24)),
  MONTH(Duration.ofDays(30));

  private final Duration window;

  QuotaPeriod(Duration window) {
    this.window = window;
  }

  /** How far back uses count in this period. */
  public Duration window() {
    return window;
  }

  /** The longest window: uses older than this never count again. */
  public static Duration longest() {
    return MONTH.window;
  }
}
