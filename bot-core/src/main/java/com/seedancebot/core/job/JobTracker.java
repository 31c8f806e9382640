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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows jobs at their provider: polls every due task in as few requests as the provider allows
 * (one batch per provider per pass, each provider on its own poll worker, so a hung provider never
 * delays another), backs off while nothing changes, and ends each job once its task is final. When
 * each job is polled next is kept by a {@link PollSchedule} (in memory for the polls that change
 * nothing on a sole instance, in the database otherwise).
 *
 * <p>A task found succeeded, or announced final by a callback, is handed to the collect stage at
 * once through an in-memory queue (never left for the next poll pass). Callbacks' claims are
 * confirmed first, with one poll per provider for a batch of them; then a collect worker claims the
 * job's lease, copies the result into storage and only then counts the job as succeeded. A crash
 * meanwhile loses only the queue; the job is still at the provider and is polled again once its
 * lease or next poll comes. When instances share the database ({@link JobClaims#sharesDatabase()}),
 * a load balancer spreads a provider's callbacks over them, so each would confirm its own share
 * with a request of its own: there a final callback instead makes its job due at the next step of
 * the poll grid, and the first instance to look after it confirms every job announced meanwhile in
 * one request (up to a second later than the in-memory way). A provider that keeps refusing the
 * bot's credentials ends its jobs after {@link JobSettings#credentialGrace()} with one log line per
 * provider. {@link #tick()} and {@link #collectQueued()} are called from one thread each; {@link
 * #onCallback} is safe from any thread.
 */
public final class JobTracker {

  private static final Logger log = LoggerFactory.getLogger(JobTracker.class);
  private static final int BATCH = 500;
  private static final int MAX_MISSING_POLLS = 5;
  private static final int MAX_QUEUED_COLLECTS = 10_000;
  private static final int COLLECTS_PER_CALL = 64;
  private static final int CONFIRMS_PER_POLL = 100;

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
  private final JobClaims claims;
  private final PollSchedule schedule;
  private final Map<String, Instant> refusedSince = new ConcurrentHashMap<>();

  /**
   * A job waiting for a collect worker: its succeeded task as polled, or null when a callback
   * announced a final state that a poll of the task must confirm first.
   */
  private record QueuedCollect(Job job, ProviderTask task) {}

  private final Map<String, QueuedCollect> collectQueue = new LinkedHashMap<>();

  /** Jobs a callback announced news of (a first "running"): polled on the next pass. */
  private final Map<String, Job> pollSoon = new LinkedHashMap<>();

  private volatile Runnable onCollectQueued = () -> {};

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
      JobTelemetry telemetry,
      JobClaims claims) {
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
    this.claims = claims;
    this.schedule = new PollSchedule(jobs, settings, !claims.sharesDatabase());
  }

  /**
   * Polls every job whose next poll is due, one batch per provider, then starts the queued collects
   * that a worker can take.
   */
  public void tick() {
    Instant now = clock.instant();
    Map<String, Job> candidates = new LinkedHashMap<>();
    List<Job> soon = takePollSoon();
    soon.forEach(j -> candidates.put(j.id(), j));
    Set<String> soonIds = candidates.keySet().stream().collect(Collectors.toSet());
    if (anyPollerFree()) { // else a pass would read due jobs only to leave them
      schedule.due(now, BATCH).forEach(j -> candidates.putIfAbsent(j.id(), j));
    }
    Map<String, Boolean> room = new HashMap<>();
    List<Job> pollable = new ArrayList<>();
    for (Job job : candidates.values()) {
      if (collectors.isRunning(job.id()) || isQueued(job.id())) {
        continue;
      }
      if (room.computeIfAbsent(job.providerName(), pollers::hasRoom)) {
        pollable.add(job);
      } else if (soonIds.contains(job.id())) {
        pollSoon(job); // its provider's previous poll still runs: the next pass takes it
      }
    }
    // instances sharing the database each poll only the jobs they took
    Set<String> taken = claims.claimPolls(pollable, now);
    Map<String, List<Job>> byProvider =
        pollable.stream()
            .filter(j -> taken.contains(j.id()))
            .collect(
                Collectors.groupingBy(Job::providerName, LinkedHashMap::new, Collectors.toList()));
    byProvider.forEach(
        (provider, due) -> {
          if (!pollers.trySubmit(provider, provider, () -> pollProvider(provider, due))) {
            schedule.record( // give the take back
                due,
                due.stream()
                    .map(j -> new JobRepository.AtProvider(j.id(), j.state(), j.attempts(), now))
                    .toList());
          }
        });
    collectQueued();
  }

  /** Whether some provider's poll worker is free (or none is configured, to report its jobs). */
  private boolean anyPollerFree() {
    List<VideoProvider> providers = router.all();
    return providers.isEmpty() || providers.stream().anyMatch(p -> pollers.hasRoom(p.name()));
  }

  /** Called (from any thread) whenever a job joins the collect queue; wakes the collect stage. */
  public void onCollectQueued(Runnable listener) {
    this.onCollectQueued = listener == null ? () -> {} : listener;
  }

  /**
   * Starts a collect worker for every queued job whose provider has a free collector, oldest first;
   * the others stay queued for the next call (when a collector frees, or the next tick).
   */
  public synchronized void collectQueued() {
    confirmQueued();
    List<QueuedCollect> startable = new ArrayList<>();
    Map<String, Boolean> room = new HashMap<>();
    synchronized (collectQueue) {
      for (QueuedCollect q : collectQueue.values()) {
        if (startable.size() >= COLLECTS_PER_CALL) {
          break;
        }
        if (q.task() != null && room.computeIfAbsent(q.job().providerName(), collectors::hasRoom)) {
          startable.add(q);
        }
      }
    }
    for (QueuedCollect q : startable) {
      if (collectors.hasRoom(q.job().providerName()) && !collectors.isRunning(q.job().id())) {
        dequeue(q.job().id());
        startCollect(q);
      }
    }
  }

  /**
   * Confirms what callbacks announced with one poll per provider for up to a batch of their jobs,
   * on a collect worker: a success joins the queue with its task, another final state ends the job,
   * a task still running is polled again later. Without a free worker they wait in the queue.
   */
  private void confirmQueued() {
    Map<String, List<Job>> unconfirmed = new LinkedHashMap<>();
    synchronized (collectQueue) {
      for (QueuedCollect q : collectQueue.values()) {
        if (q.task() == null) {
          List<Job> batch =
              unconfirmed.computeIfAbsent(q.job().providerName(), p -> new ArrayList<>());
          if (batch.size() < CONFIRMS_PER_POLL) {
            batch.add(q.job());
          }
        }
      }
    }
    unconfirmed.forEach(
        (provider, batch) -> {
          if (collectors.hasRoom(provider)) {
            batch.forEach(j -> dequeue(j.id()));
            // a key per batch: confirms run side by side, each bounded by the provider's group
            String key = "confirm:" + provider + ":" + batch.get(0).id();
            if (!collectors.trySubmit(key, provider, () -> confirm(provider, batch))) {
              batch.forEach(j -> enqueue(j, null));
            }
          }
        });
  }

  private void confirm(String providerName, List<Job> batch) {
    VideoProvider provider = router.byName(providerName).orElse(null);
    if (provider == null) {
      return; // polled (and reported) again by the tracker
    }
    Map<String, ProviderTask> tasks;
    try {
      tasks = provider.poll(batch.stream().map(Job::providerTaskId).toList());
    } catch (ProviderException e) {
      StageWorkers.clearInterrupt();
      log.warn(
          "Confirming {} callbacks at {} failed ({}); their jobs are polled as usual",
          batch.size(),
          providerName,
          e.getMessage());
      return;
    }
    List<JobRepository.AtProvider> later = new ArrayList<>();
    List<Job> report = new ArrayList<>();
    for (Job job : batch) {
      try (JobLogContext context = JobLogContext.of(job)) {
        follow(job, tasks.get(job.providerTaskId()), t -> enqueue(job, t), later, report);
      } catch (RuntimeException e) {
        log.warn("Job {} could not be updated, polling it later", job.id(), e);
      }
    }
    schedule.record(batch, later);
    report.forEach(j -> status.report(j, null));
  }

  /** Up to a batch of the jobs callbacks asked to poll soon, oldest first. */
  private List<Job> takePollSoon() {
    List<Job> taken = new ArrayList<>();
    synchronized (pollSoon) {
      var it = pollSoon.values().iterator();
      while (it.hasNext() && taken.size() < BATCH) {
        taken.add(it.next());
        it.remove();
      }
    }
    return taken;
  }

  private boolean isQueued(String jobId) {
    synchronized (collectQueue) {
      return collectQueue.containsKey(jobId);
    }
  }

  /** Has the job polled on the next pass, in memory while there is room (a crash loses nothing). */
  private boolean pollSoon(Job job) {
    synchronized (pollSoon) {
      if (pollSoon.size() >= MAX_QUEUED_COLLECTS && !pollSoon.containsKey(job.id())) {
        return false;
      }
      pollSoon.put(job.id(), job);
      return true;
    }
  }

  /** Queues a collect unless the queue is full; a queued job keeps a task already known. */
  private boolean enqueue(Job job, ProviderTask task) {
    synchronized (collectQueue) {
      QueuedCollect old = collectQueue.get(job.id());
      if (old == null && collectQueue.size() >= MAX_QUEUED_COLLECTS) {
        return false;
      }
      if (old == null || old.task() == null) {
        collectQueue.put(job.id(), new QueuedCollect(job, task));
      }
    }
    onCollectQueued.run();
    return true;
  }

  private void dequeue(String jobId) {
    synchronized (collectQueue) {
      collectQueue.remove(jobId);
    }
  }

  /**
   * A provider callback about the job. Its body is not trusted (callbacks are not signed), only
   * used as a hint: a final state queues the job for a collect worker, which confirms it with a
   * poll of the task (instances sharing the database: makes it due at the next step of the poll
   * grid, see the class comment); a first "running" is shown in the job's status at once and
   * recorded by the next regular poll; other progress callbacks change nothing, so a busy
   * provider's callbacks never make jobs due again. {@code hinted} null (no readable body) has the
   * job polled on the next pass. Nothing is written to the database while the in-memory queues have
   * room, so a burst of callbacks costs one read each.
   */
  public void onCallback(Job job, TaskState hinted) {
    if (!job.state().atProvider()) {
      return;
    }
    if (hinted != null && hinted.isFinal() && job.providerTaskId() != null) {
      if (claims.sharesDatabase()) {
        jobs.pollBy(job.id(), settings.pollDueAt(clock.instant(), Duration.ZERO, true));
        return;
      }
      if (enqueue(job, null)) {
        return; // confirmed and collected by a collect worker, not behind the polling backlog
      }
    }
    if (hinted == TaskState.RUNNING || hinted == TaskState.QUEUED) {
      if (hinted == TaskState.RUNNING && job.state() == JobState.SUBMITTED) {
        // shown at once, recorded by the next regular poll: a burst of tasks starting costs no
        // polls, and a forged callback could at most show "running" early
        status.report(job.atProvider(JobState.RUNNING, 0, job.nextPollAt()), null);
      }
      return;
    }
    if (!pollSoon(job)) { // no readable state, or a final one the collect queue had no room for
      jobs.updateAtProvider(job.id(), job.state(), job.attempts(), Instant.EPOCH);
    }
  }

  private void pollProvider(String providerName, List<Job> taken) {
    List<Job> due = schedule.current(taken);
    VideoProvider provider = router.byName(providerName).orElse(null);
    if (provider == null) {
      log.warn(
          "{} jobs wait for provider {}, which is not configured now", due.size(), providerName);
      defer(due, null);
      return;
    }
    if (due.isEmpty()) {
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
    List<Job> report = new ArrayList<>();
    for (Job job : due) {
      try (JobLogContext context = JobLogContext.of(job)) {
        followOrDefer(job, tasks.get(job.providerTaskId()), later, report);
      }
    }
    schedule.record(due, later);
    report.forEach(j -> status.report(j, null));
  }

  /**
   * A poll found the task succeeded: queue the collect, and keep the job off the next polls for a
   * lease time (a crash loses the queue; the job is then polled again).
   */
  private void queueFromPoll(Job job, ProviderTask task, List<JobRepository.AtProvider> later) {
    // queued: off the polls for a lease time; the queue full: polled again on the next pass
    Instant next =
        enqueue(job, task) ? clock.instant().plus(settings.leaseTime()) : clock.instant();
    later.add(new JobRepository.AtProvider(job.id(), job.state(), job.attempts(), next));
  }

  /**
   * A poll failed. Refused credentials (401/403) are logged once per provider and, when they last
   * longer than the grace time, end the provider's jobs with a refund; anything else backs off.
   */
  private void pollFailed(String providerName, List<Job> due, ProviderException e) {
    if (e.kind() != ProviderException.Kind.OPERATOR) {
      log.warn("Polling {} failed ({}), backing off", providerName, e.getMessage(), e.getCause());
      defer(due, e);
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
      schedule.record(due, List.of());
      return;
    }
    defer(due, e);
  }

  private void followOrDefer(
      Job job, ProviderTask task, List<JobRepository.AtProvider> later, List<Job> report) {
    try {
      follow(job, task, t -> queueFromPoll(job, t, later), later, report);
    } catch (RuntimeException e) {
      log.warn("Job {} could not be updated, retrying later", job.id(), e);
      later.add(deferral(job, job.state(), job.attempts() + 1, null));
    }
  }

  private void follow(
      Job job,
      ProviderTask task,
      Consumer<ProviderTask> succeeded,
      List<JobRepository.AtProvider> later,
      List<Job> report) {
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
      case SUCCEEDED -> succeeded.accept(task);
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
      Job job, JobState state, List<JobRepository.AtProvider> later, List<Job> report) {
    boolean changed = state != job.state();
    int unchangedPolls = changed ? 0 : job.attempts() + 1;
    JobRepository.AtProvider next = deferral(job, state, unchangedPolls, null);
    later.add(next);
    if (changed || state == JobState.RUNNING) {
      report.add(job.atProvider(state, unchangedPolls, next.nextPoll()));
    }
  }

  /**
   * Hands the job to a collect worker, which claims its collect lease first (claims run on the
   * workers side by side, never one after another on the collect loop). Without a free worker the
   * job stays queued.
   */
  private void startCollect(QueuedCollect q) {
    Job job = q.job();
    VideoProvider provider = router.byName(job.providerName()).orElse(null);
    if (provider == null) {
      return; // polled (and reported) again by the tracker
    }
    try (JobLogContext context = JobLogContext.of(job)) {
      if (!collectors.trySubmit(
          job.id(), provider.name(), () -> claimAndCollect(provider, job, q.task()))) {
        enqueue(job, q.task());
      }
    }
  }

  /**
   * Collects the job's result unless its collect cannot be claimed: another instance collects it,
   * or it has ended.
   */
  private void claimAndCollect(VideoProvider provider, Job job, ProviderTask task) {
    if (claims.claim(job.id(), JobStep.COLLECT)) {
      collect(provider, job, task);
    }
  }

  /** A collect worker's unit: copies the succeeded task's result, then ends the job with it. */
  private void collect(VideoProvider provider, Job job, ProviderTask task) {
    boolean succeeded = false;
    try {
      succeeded = collectResult(provider, job, task);
    } catch (IOException e) {
      StageWorkers.clearInterrupt();
      log.warn("Result of job {} could not be copied yet, retrying", job.id(), e);
      defer(job, job.state(), job.attempts() + 1);
    } finally {
      StageWorkers.clearInterrupt();
      if (succeeded) {
        claims.ended(job.id(), JobStep.COLLECT); // recording the success ended the lease
        schedule.forget(job.id());
      } else {
        claims.release(job.id());
      }
    }
  }

  /**
   * Copies the succeeded task's result and ends the job with it; tells telemetry the time at the
   * provider (until the copy started) and the copy's. False when the job had ended already.
   */
  private boolean collectResult(VideoProvider provider, Job job, ProviderTask task)
      throws IOException {
    Instant started = clock.instant();
    JobResult result = results.collect(provider, task);
    if (!outcomes.succeed(job, result)) {
      return false;
    }
    Duration atProvider =
        job.submittedAt() == null ? Duration.ZERO : Duration.between(job.submittedAt(), started);
    telemetry.stage(JobTelemetry.Stage.AT_PROVIDER, job, atProvider);
    telemetry.stage(JobTelemetry.Stage.COLLECT, job, since(started));
    telemetry.stored(JobTelemetry.Stored.RESULT, result.sizeBytes());
    return true;
  }

  private static String failureCode(ProviderTask task) {
    return ProviderErrors.isContentRefusal(task.errorCode())
        ? "content_refused"
        : "provider_failed";
  }

  private void defer(Job job, JobState state, int attempts) {
    schedule.record(List.of(job), List.of(deferral(job, state, attempts, null)));
  }

  /** Every job polled again later, one unchanged poll more, at least as late as the cause asks. */
  private void defer(List<Job> due, ProviderException cause) {
    schedule.record(
        due, due.stream().map(j -> deferral(j, j.state(), j.attempts() + 1, cause)).toList());
  }

  private JobRepository.AtProvider deferral(
      Job job, JobState state, int attempts, ProviderException cause) {
    Duration wait = settings.backoff(attempts, jitter.getAsDouble());
    boolean atLeast = cause != null && cause.retryAfter() != null;
    if (atLeast && cause.retryAfter().compareTo(wait) > 0) {
      wait = cause.retryAfter();
    }
    return new JobRepository.AtProvider(
        job.id(), state, attempts, settings.pollDueAt(clock.instant(), wait, atLeast));
  }
}
