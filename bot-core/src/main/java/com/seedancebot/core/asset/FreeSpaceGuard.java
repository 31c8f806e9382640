package com.seedancebot.core.asset;

import java.util.function.LongSupplier;

/**
 * Whether the bot's disk has room for new jobs: free space below the minimum means new jobs are
 * refused up front rather than failing mid-job. The free space comes from a supplier (the data
 * directory's file store in production, a stub in tests); a supplier that fails counts as enough
 * room, so a flaky probe never blocks users. Thread-safe if the supplier is.
 */
public final class FreeSpaceGuard {

  private final LongSupplier freeBytes;
  private final long minFreeBytes;

  /**
   * @param freeBytes the free bytes where the bot stores files
   * @param minFreeBytes new jobs are refused below this (0 = never)
   */
  public FreeSpaceGuard(LongSupplier freeBytes, long minFreeBytes) {
    this.freeBytes = freeBytes;
    this.minFreeBytes = minFreeBytes;
  }

  /** A guard that never refuses. */
  public static FreeSpaceGuard unlimited() {
    return new FreeSpaceGuard(() -> Long.MAX_VALUE, 0);
  }

  /** Whether free space is below the minimum now. */
  public boolean low() {
    if (minFreeBytes <= 0) {
      return false;
    }
    try {
      return freeBytes.getAsLong() < minFreeBytes;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
