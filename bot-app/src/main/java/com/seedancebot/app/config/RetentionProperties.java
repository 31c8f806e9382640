package com.seedancebot.app.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code bot.retention} settings (mapped in {@code application.yml}): how long stored files and
 * playground transcripts are kept ({@code BOT_RETENTION}, 7 days as Ark keeps its tasks), how often
 * expired ones are deleted ({@code BOT_RETENTION_INTERVAL}), and the free space of {@code
 * BOT_DATA_DIR} below which new jobs are refused ({@code BOT_MIN_FREE_DISK}; 0 = never).
 */
@ConfigurationProperties("bot.retention")
public record RetentionProperties(Duration keep, Duration interval, DataSize minFreeDisk) {

  public RetentionProperties {
    keep = keep == null ? Duration.ofDays(7) : keep;
    interval = interval == null ? Duration.ofHours(1) : interval;
    minFreeDisk = minFreeDisk == null ? DataSize.ofMegabytes(500) : minFreeDisk;
    if (keep.isNegative() || keep.isZero()) {
      throw new InvalidSettingException(
          "BOT_RETENTION", "is " + Durations.text(keep) + ": it must be positive, e.g. 7d");
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new InvalidSettingException(
          "BOT_RETENTION_INTERVAL",
          "is " + Durations.text(interval) + ": it must be positive, e.g. 1h");
    }
    if (minFreeDisk.isNegative()) {
      throw new InvalidSettingException(
          "BOT_MIN_FREE_DISK",
          "is negative: it must be a size such as 500MB, or 0 to never refuse");
    }
  }
}
