package com.seedancebot.core.retention;

import java.io.IOException;
import java.time.Instant;

/**
 * Files or records kept outside the asset store that expire with the retention (port), such as the
 * simulator's work files or the playground's transcripts. Implementations are thread-safe.
 */
public interface Sweeper {

  /** What is swept, for logs (e.g. {@code "simulator files"}). */
  String name();

  /**
   * Deletes what was last written before {@code cutoff}, except what {@code keep} names; returns
   * how many items were deleted.
   */
  int sweep(Instant cutoff, Retained keep) throws IOException;
}
