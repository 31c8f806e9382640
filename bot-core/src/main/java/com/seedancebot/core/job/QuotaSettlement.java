package com.seedancebot.core.job;

/**
 * What the job pipeline needs from the quota ledger once a job ends. Both calls are idempotent:
 * repeating them (after a restart) changes nothing.
 */
public interface QuotaSettlement {
  void settle(String jobId, int actualSeconds);

  void refund(String jobId);
}
