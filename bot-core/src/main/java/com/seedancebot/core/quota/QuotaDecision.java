package com.seedancebot.core.quota;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer to a reservation: {@link Granted}, or {@link Denied} with the one allowance that
 * blocks it, so the user can be told exactly why and when enough of it frees up.
 */
public sealed interface QuotaDecision {

  /** The job id the decision is about. */
  String jobId();

  /** The job may run; {@code seconds} of video are reserved for it. */
  record Granted(String jobId, int seconds) implements QuotaDecision {
    public Granted {
      Objects.requireNonNull(jobId, "jobId");
    }
  }

  /**
   * The job may not run now.
   *
   * @param scope whose allowance is exhausted
   * @param unit what ran out
   * @param period over which window
   * @param limit the allowance per period, in {@code unit}
   * @param used how much of it the period used
   * @param requested how much the job needs (1 for jobs, its seconds, its estimated cost)
   * @param resetsAt when enough of the allowance frees up for this job (if nothing else is used
   *     meanwhile); null when the job needs more than the whole allowance and never fits
   */
  record Denied(
      String jobId,
      QuotaScope scope,
      QuotaUnit unit,
      QuotaPeriod period,
      long limit,
      long used,
      long requested,
      Instant resetsAt)
      implements QuotaDecision {
    public Denied {
      Objects.requireNonNull(jobId, "jobId");
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(period, "period");
    }

    /** A denial over the last 24 hours. */
    public Denied(
        String jobId,
        QuotaScope scope,
        QuotaUnit unit,
        long limit,
        long used,
        long requested,
        Instant resetsAt) {
      this(jobId, scope, unit, QuotaPeriod.DAY, limit, used, requested, resetsAt);
    }

    /** What is left of the allowance now (never negative). */
    public long left() {
      return Math.max(0, limit - used);
    }

    /** Whether the job can ever fit in this allowance (it needs no more than the whole of it). */
    public boolean fitsEver() {
      return resetsAt != null;
    }
  }
}
