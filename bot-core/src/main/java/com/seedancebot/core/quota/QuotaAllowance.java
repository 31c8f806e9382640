package com.seedancebot.core.quota;

/**
 * One allowance as of now: how much the last 24 hours used of a {@code limit}, where a limit of 0
 * means unlimited.
 */
public record QuotaAllowance(int limit, int used) {
  public QuotaAllowance {
    limit = Math.max(0, limit);
    used = Math.max(0, used);
  }

  public boolean unlimited() {
    return limit == 0;
  }

  /** What is left; meaningless (and {@link Integer#MAX_VALUE}) when unlimited. */
  public int left() {
    return unlimited() ? Integer.MAX_VALUE : Math.max(0, limit - used);
  }
}
