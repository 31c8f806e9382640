package com.seedancebot.core.job;

import com.seedancebot.core.provider.ProviderErrors;
import com.seedancebot.core.provider.ProviderException;
import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.provider.ProviderTask;
import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.work.StageWorkers;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows jobs at their provider: polls every due task in as few requests as the provider allows
 * (one batch per provider per pass, each provider on its own poll worker, so a hung provider never
 * delays another), backs off while nothing changes, and ends each job once its task is final. A
 * succeeded task's result is copied into storage by a collect worker under a claimed lease before
 * the job counts as succeeded; a crash meanwhile leaves the job at the provider, polled again once
 * the lease runs out. A provider that keeps refusing the bot's credentials ends its jobs after
 * {@link JobSettings#credentialGrace()} with one log line per provider. {@link #tick()} is called
 * from one thread; {@link #onCallback} is safe from any thread.
 */
public final class JobTracker {

  private static final Logger log = LoggerFactory.getLogger(JobTracker.class);
  private static final int BATCH = 500;
  private static final int MAX_MISSING_POLLS = 5;

  private final JobRepository jobs;
  private final ProviderRouter router;
  private final ResultCollector results;
  private final JobOutcomes outcomes;
  private final StatusListener status;
  private final JobSettings settings;
  private final Clock clock;
  private final DoubleSupplier jitter;
  private final StageWorkers pollers;
  private final StageWorkers collectors;
  private final JobTelemetry telemetry;
  private final Map<String, Instant> refusedSince = new ConcurrentHashMap<>();

  public JobTracker(
      JobRepository jobs,
      ProviderRouter router,
      ResultCollector results,
      JobOutcomes outcomes,
      StatusListener status,
      JobSettings settings,
      Clock clock,
      DoubleSupplier jitter,
      StageWorkers pollers,
      StageWorkers collectors,
      JobTelemetry telemetry) {
    this.jobs = jobs;
    this.router = router;
    this.results = results;
    this.outcomes = outcomes;
    this.status = status;
    this.settings = settings;
    this.clock = clock;
    this.jitter = jitter;
    this.pollers = pollers;
    this.collectors = collectors;
    this.telemetry = telemetry;
  }

  /** Polls every job whose next poll is due, one batch per provider. */
  public void tick() {
    Map<String, List<Job>> byProvider =
        jobs.findDueAtProvider(clock.instant(), BATCH).stream()
            .filter(j -> !collectors.isRunning(j.id()))
            .collect(
                Collectors.groupingBy(Job::providerName, LinkedHashMap::new, Collectors.toList()));
    byProvider.forEach(
        (provider, due) ->
            pollers.trySubmit(provider, provider, () -> pollProvider(provider, due)));
  }

  /**
   * A provider callback about the job. Its body is not trusted (callbacks are not signed), only
   * used as a hint: a final state, or a first "running", makes the job due at once (the tracker
   * confirms with a poll); a repeated "running" changes nothing, so a busy provider's progress
   * callbacks do not make every job due again. {@code hinted} null (no readable body) counts as a
   * change.
   */
  public void onCallback(Job job, TaskState hinted) {
    if (!job.state().atProvider()) {
      return;
    }
    boolean news =
        hinted == null
            || hinted.isFinal()
            || (hinted == TaskState.RUNNING && job.state() == JobState.SUBMITTED);
    if (news) {
      jobs.updateAtProvider(job.id(), job.state(), job.attempts(), Instant.EPOCH);
    }
  }

  private void pollProvider(String providerName, List<Job> due) {
    VideoProvider provider = router.byName(providerName).orElse(null);
    if (provider == null) {
      log.warn(
          "{} jobs wait for provider {}, which is not configured now", due.size(), providerName);
      due.forEach(j -> defer(j, j.state(), j.attempts() + 1));
      return;
    }
    Map<String, ProviderTask> tasks;
    try {
      tasks = provider.poll(due.stream().map(Job::providerTaskId).toList());
    } catch (ProviderException e) {
      StageWorkers.clearInterrupt();
      pollFailed(providerName, due, e);
      return;
    }
    if (refusedSince.remove(providerName) != null) {
      log.info("Provider {} accepts the bot's credentials again", providerName);
    }
    // unchanged jobs are written in one batch after the pass (one commit, not one per job)
    List<JobRepository.AtProvider> later = new ArrayList<>();
    List<String> report = new ArrayList<>();
    for (Job job : due) {
      try (JobLogContext context = JobLogContext.of(job)) {
        followOrDefer(provider, job, tasks.get(job.providerTaskId()), later, report);
      }
    }
    jobs.updateAtProvider(later);
    report.forEach(id -> jobs.find(id).ifPresent(j -> status.report(j, null)));
  }

  /**
   * A poll failed. Refused credentials (401/403) are logged once per provider and, when they last
   * longer than the grace time, end the provider's jobs with a refund; anything else backs off.
   */
  private void pollFailed(String providerName, List<Job> due, ProviderException e) {
    if (e.kind() != ProviderException.Kind.OPERATOR) {
      log.warn("Polling {} failed ({}), backing off", providerName, e.getMessage(), e.getCause());
      due.forEach(j -> defer(j, j.state(), j.attempts() + 1, e));
      return;
    }
    Instant now = clock.instant();
    Instant since = refusedSince.putIfAbsent(providerName, now);
    if (since == null) {
      log.error(
          "OPERATOR ACTION NEEDED: provider {} refuses the bot's credentials while polling ({}): {}."
              + " Its jobs end in {} unless the key works again.",
          providerName,
          e.code(),
          e.getMessage(),
          settings.credentialGrace());
      since = now;
    }
    if (!since.plus(settings.credentialGrace()).isAfter(now)) {
      due.forEach(j -> outcomes.finish(j, JobState.FAILED, "credentials_revoked"));
      return;
    }
    due.forEach(j -> defer(j, j.state(), j.attempts() + 1, e));
  }

  private void followOrDefer(
      VideoProvider provider,
      Job job,
      ProviderTask task,
      List<JobRepository.AtProvider> later,
      List<String> report) {
    try {
      follow(provider, job, task, later, report);
    } catch (RuntimeException e) {
      log.warn("Job {} could not be updated, retrying later", job.id(), e);
      defer(job, job.state(), job.attempts() + 1);
    }
  }

  private void follow(
      VideoProvider provider,
      Job job,
      ProviderTask task,
      List<JobRepository.AtProvider> later,
      List<String> report) {
    Instant now = clock.instant();
    if (job.submittedAt() != null
        && job.submittedAt().plus(settings.maxProviderTime()).isBefore(now)) {
      outcomes.finish(job, JobState.EXPIRED, "provider_expired");
      return;
    }
    if (task == null) {
      if (job.attempts() + 1 >= MAX_MISSING_POLLS) {
        outcomes.finish(job, JobState.FAILED, "task_lost");
      } else {
        later.add(deferral(job, job.state(), job.attempts() + 1, null));
      }
      return;
    }
    switch (task.state()) {
      case QUEUED -> keepFollowing(job, JobState.SUBMITTED, later, report);
      case RUNNING -> keepFollowing(job, JobState.RUNNING, later, report);
      case SUCCEEDED -> startCollecting(provider, job, task);
      case FAILED -> endedAtProvider(job, JobState.FAILED, failureCode(task));
      case EXPIRED -> endedAtProvider(job, JobState.EXPIRED, "provider_expired");
      case CANCELLED -> endedAtProvider(job, JobState.CANCELLED, "cancelled");
    }
  }

  private void endedAtProvider(Job job, JobState state, String errorCode) {
    if (outcomes.finish(job, state, errorCode)) {
      telemetry.stage(JobTelemetry.Stage.AT_PROVIDER, job, since(job.submittedAt()));
    }
  }

  private Duration since(Instant start) {
    return start == null ? Duration.ZERO : Duration.between(start, clock.instant());
  }

  private void keepFollowing(
      Job job, JobState state, List<JobRepository.AtProvider> later, List<String> report) {
    boolean changed = state != job.state();
    int unchangedPolls = changed ? 0 : job.attempts() + 1;
    later.add(deferral(job, state, unchangedPolls, null));
    if (changed || state == JobState.RUNNING) {
      report.add(job.id());
    }
  }

  private void startCollecting(VideoProvider provider, Job job, ProviderTask task) {
    Instant now = clock.instant();
    if (!jobs.claim(
        job.id(), JobStep.COLLECT, settings.instanceId(), now, now.plus(settings.leaseTime()))) {
      return;
    }
    if (!collectors.trySubmit(job.id(), provider.name(), () -> collect(provider, job, task))) {
      jobs.releaseLease(job.id(), settings.instanceId());
      jobs.updateAtProvider(job.id(), job.state(), job.attempts(), now);
    }
  }

  private void collect(VideoProvider provider, Job job, ProviderTask task) {
    Instant started = clock.instant();
    try {
      JobResult result = results.collect(provider, task);
      if (outcomes.succeed(job, result)) {
        Duration atProvider =
            job.submittedAt() == null
                ? Duration.ZERO
                : Duration.between(job.submittedAt(), started);
        telemetry.stage(JobTelemetry.Stage.AT_PROVIDER, job, atProvider);
        telemetry.stage(JobTelemetry.Stage.COLLECT, job, since(started));
        telemetry.stored(JobTelemetry.Stored.RESULT, result.sizeBytes());
      }
    } catch (IOException e) {
      StageWorkers.clearInterrupt();
      log.warn("Result of job {} could not be copied yet, retrying", job.id(), e);
      defer(job, job.state(), job.attempts() + 1);
    } finally {
      StageWorkers.clearInterrupt();
      jobs.releaseLease(job.id(), settings.instanceId());
    }
  }

  private static String failureCode(ProviderTask task) {
    return ProviderErrors.isContentRefusal(task.errorCode())
        ? "content_refused"
        : "provider_failed";
  }

  private void defer(Job job, JobState state, int attempts) {
    defer(job, state, attempts, null);
  }

  private void defer(Job job, JobState state, int attempts, ProviderException cause) {
    jobs.updateAtProvider(List.of(deferral(job, state, attempts, cause)));
  }

  private JobRepository.AtProvider deferral(
      Job job, JobState state, int attempts, ProviderException cause) {
    Duration wait = settings.backoff(attempts, jitter.getAsDouble());
    if (cause != null && cause.retryAfter() != null && cause.retryAfter().compareTo(wait) > 0) {
      wait = cause.retryAfter();
    }
    return new JobRepository.AtProvider(job.id(), state, attempts, clock.instant().plus(wait));
  }
}
