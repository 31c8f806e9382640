package com.seedancebot.core.testing;

import com.seedancebot.core.job.QuotaSettlement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Records settlements and refunds per job, for pipeline tests. */
public final class RecordingQuota implements QuotaSettlement {
  public final Map<String, Integer> settled = new ConcurrentHashMap<>();
  public final Map<String, Boolean> refunded = new ConcurrentHashMap<>();

  @Override
  public void settle(String jobId, int actualSeconds) {
    settled.put(jobId, actualSeconds);
  }

  @Override
  public void refund(String jobId) {
    refunded.put(jobId, true);
  }
}
