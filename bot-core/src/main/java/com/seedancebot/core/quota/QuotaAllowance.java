package com.seedancebot.core.quota;

/**
 * One allowance as of now: how much the period's window used of a {@code limit}, where a limit of 0
 * means unlimited.
 */
public record QuotaAllowance(long limit, long used) {
  public QuotaAllowance {
    limit = Math.max(0, limit);
    used = Math.max(0, used);
  }

  public boolean unlimited() {
    return limit == 0;
  }

  /** What is left; meaningless (and {@link Long#MAX_VALUE}) when unlimited. */
  public long left() {
    return unlimited() ? Long.MAX_VALUE : Math.max(0, limit - used);
  }
}
