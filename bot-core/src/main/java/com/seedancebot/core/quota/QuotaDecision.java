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
   * @param limit the allowance per 24 hours, in {@code unit}
   * @param used how much of it the last 24 hours used
   * @param requested how much the job needs (1 for jobs, its seconds for seconds)
   * @param resetsAt when enough of the allowance frees up for this job (if nothing else is used
   *     meanwhile); null when the job needs more than the whole allowance and never fits
   */
  record Denied(
      String jobId,
      QuotaScope scope,
      QuotaUnit unit,
      int limit,
      int used,
      int requested,
      Instant resetsAt)
      implements QuotaDecision {
    public Denied {
      Objects.requireNonNull(jobId, "jobId");
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(unit, "unit");
    }

    /** What is left of the allowance now (never negative). */
    public int left() {
      return Math.max(0, limit - used);
    }

    /** Whether the job can ever fit in this allowance (it needs no more than the whole of it). */
    public boolean fitsEver() {
      return resetsAt != null;
    }
  }
}
