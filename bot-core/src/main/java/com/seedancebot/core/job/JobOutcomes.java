package com.seedancebot.core.job;

import com.seedancebot.core.quota.QuotaLedger;
import com.seedancebot.core.request.CostEstimator;
import com.seedancebot.core.request.Money;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where jobs end: records the final state (guarded, so ending a job twice changes
 * nothing) and settles or refunds its quota reservation; a settled job counts the money of the
 * tokens the provider reported (its estimate when none were). The outcome is then posted by {@code
 * DeliveryService}. Each end is told to {@link JobTelemetry} once, and logged with the job's {@link
 * JobLogContext}. Thread-safe.
 */
public final class JobOutcomes {

  private static final Logger log = LoggerFactory.getLogger(JobOutcomes.class);

  private final JobRepository jobs;
  private final QuotaLedger quota;
  private final Clock clock;
  private final JobTelemetry telemetry;
  private final CostEstimator costs;
  private volatile Runnable onEnded = () -> {};

  public JobOutcomes(
      JobRepository jobs,
      QuotaLedger quota,
      Clock clock,
      JobTelemetry telemetry,
      CostEstimator costs) {
    this.jobs = jobs;
    this.quota = quota;
    this.clock = clock;
    this.telemetry = telemetry;
    this.costs = costs;
  }

  /** Called (on the ending thread; quick, must not throw) each time a job has ended. */
  public void onEnded(Runnable listener) {
    this.onEnded = listener == null ? () -> {} : listener;
  }

  /** Ends a job without a result (FAILED, EXPIRED or CANCELLED) and refunds its quota. */
  public boolean finish(Job job, JobState state, String errorCode) {
    try (JobLogContext context = JobLogContext.of(job)) {
      boolean applied = jobs.markFinished(job.id(), state, errorCode, clock.instant());
      if (applied) {
        log.info("Job {} ended {} ({})", job.id(), state, errorCode);
        telemetry.finished(job, state);
      }
      quota.refund(job.id(), clock.instant());
      if (applied) {
        onEnded.run();
      }
      return applied;
    }
  }

  /** Ends a job with its stored result and settles its quota at the actual duration. */
  public boolean succeed(Job job, JobResult result) {
    try (JobLogContext context = JobLogContext.of(job)) {
      boolean applied = jobs.markSucceeded(job.id(), result, clock.instant());
      if (applied) {
        log.info("Job {} succeeded ({} bytes)", job.id(), result.sizeBytes());
        telemetry.finished(job, JobState.SUCCEEDED);
      }
      settle(job, result);
      if (applied) {
        onEnded.run();
      }
      return applied;
    }
  }

  /** Settles or refunds again; idempotent, used to repair a crash between the two steps. */
  public void reconcile(Job job) {
    if (job.state() == JobState.SUCCEEDED && job.result() != null) {
      settle(job, job.result());
    } else if (job.state().isFinal()) {
      quota.refund(job.id(), clock.instant());
    }
  }

  private void settle(Job job, JobResult result) {
    Long money =
        result.usageTokens() == null
            ? null
            : costs.costOf(job.request(), result.usageTokens()).map(Money::millionths).orElse(null);
    quota.settle(job.id(), seconds(result), money, clock.instant());
  }

  /** Billed seconds of a result: whole seconds, at least one. */
  private static int seconds(JobResult result) {
    return Math.max(1, (int) Math.round(result.durationSeconds()));
  }
}
