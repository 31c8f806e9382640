package com.seedancebot.core.asset;

import com.seedancebot.core.retention.Retained;
import com.seedancebot.core.retention.Sweeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention policy: everything the bot stores — attachments, results and last frames in the
 * {@link AssetStore}, and what each {@link Sweeper} looks after — is deleted once it is older than
 * the retention, except what a job still needs (see {@link JdbcRetainedFiles}): a job not yet
 * delivered keeps its files however old they are, and a finished job keeps them for the retention
 * after it finished. One {@link #run} is one sweep; a failing sweeper is logged and the others
 * still run. Thread-safe; several instances may sweep the same store at once.
 */
public final class Retention {

  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  private final AssetStore assets;
  private final JdbcRetainedFiles needed;
  private final List<Sweeper> sweepers;
  private final Duration keep;
  private final Clock clock;

  public Retention(
      AssetStore assets,
      JdbcRetainedFiles needed,
      List<Sweeper> sweepers,
      Duration keep,
      Clock clock) {
    if (keep.isNegative() || keep.isZero()) {
      throw new IllegalArgumentException("the retention must be positive: " + keep);
    }
    this.assets = Objects.requireNonNull(assets, "assets");
    this.needed = Objects.requireNonNull(needed, "needed");
    this.sweepers = List.copyOf(sweepers);
    this.keep = keep;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Deletes what expired; returns how many items each part deleted ({@code "assets"} first). */
  public Map<String, Integer> run() {
    Instant cutoff = clock.instant().minus(keep);
    Retained keepers = needed.neededAt(cutoff);
    Map<String, Integer> deleted = new LinkedHashMap<>();
    deleted.put("assets", deleteAssets(cutoff, keepers));
    for (Sweeper sweeper : sweepers) {
      try {
        deleted.put(sweeper.name(), sweeper.sweep(cutoff, keepers));
      } catch (IOException | RuntimeException e) {
        log.warn("Retention could not sweep {}: {}", sweeper.name(), e.toString());
      }
    }
    if (deleted.values().stream().anyMatch(n -> n > 0)) {
      log.info("Retention ({} kept) deleted {}", keep, deleted);
    }
    return deleted;
  }

  private int deleteAssets(Instant cutoff, Retained keepers) {
    int count = 0;
    try {
      for (String id : assets.storedBefore(cutoff)) {
        if (!keepers.assetIds().contains(id)) {
          assets.delete(id);
          count++;
        }
      }
    } catch (IOException e) {
      log.warn("Retention could not sweep stored files: {}", e.toString());
    }
    return count;
  }
}
