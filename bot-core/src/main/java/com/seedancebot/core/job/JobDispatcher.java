package com.seedancebot.core.job;

import com.seedancebot.core.asset.MediaUrlResolver;
import com.seedancebot.core.provider.ProviderException;
import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.provider.SubmitRequest;
import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.work.StageWorkers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves jobs from the local queue to their provider, oldest first, never holding more tasks at a
 * provider than its concurrency limit (counted in the database, creates in flight included). Each
 * create runs on a submit worker under a claimed lease, so a hung provider call holds one worker.
 * Before a create is sent the bot records it (with a seed it chose); a create whose answer was lost
 * (crash, timeout, unreadable answer) is looked for at the provider before anything is sent again,
 * and where the provider cannot tell, the job ends with a refund instead of paying twice. A
 * transient failure keeps the job queued with backoff; a final one ends it. {@link #tick()} is
 * called from one thread.
 */
public final class JobDispatcher {

  private static final Logger log = LoggerFactory.getLogger(JobDispatcher.class);

  private final JobRepository jobs;
  private final ProviderRouter router;
  private final ModelCatalog catalog;
  private final MediaUrlResolver media;
  private final JobOutcomes outcomes;
  private final StatusListener status;
  private final JobSettings settings;
  private final Clock clock;
  private final DoubleSupplier jitter;
  private final RandomGenerator seeds;
  private final Function<VideoProvider, String> callbackBase;
  private final StageWorkers workers;
  private final JobTelemetry telemetry;

  public JobDispatcher(
      JobRepository jobs,
      ProviderRouter router,
      ModelCatalog catalog,
      MediaUrlResolver media,
      JobOutcomes outcomes,
      StatusListener status,
      JobSettings settings,
      Clock clock,
      DoubleSupplier jitter,
      RandomGenerator seeds,
      Function<VideoProvider, String> callbackBase,
      StageWorkers workers,
      JobTelemetry telemetry) {
    this.jobs = jobs;
    this.router = router;
    this.catalog = catalog;
    this.media = media;
    this.outcomes = outcomes;
    this.status = status;
    this.settings = settings;
    this.clock = clock;
    this.jitter = jitter;
    this.seeds = seeds;
    this.callbackBase = callbackBase;
    this.workers = workers;
    this.telemetry = telemetry;
  }

  /** Starts the creates that fit, expires what waited too long, and refreshes queue positions. */
  public void tick() {
    Instant now = clock.instant();
    Map<String, Integer> free = new HashMap<>();
    List<Job> queued = jobs.findQueued();
    int position = 0;
    for (Job job : queued) {
      if (workers.isRunning(job.id())) {
        continue;
      }
      if (!job.submissionUncertain()
          && job.createdAt().plus(settings.maxLocalQueueTime()).isBefore(now)) {
        outcomes.finish(job, JobState.EXPIRED, "queue_timeout");
        continue;
      }
      position++;
      Optional<VideoProvider> provider = providerFor(job, now);
      if (provider.isEmpty()) {
        outcomes.finish(job, JobState.FAILED, "model_unavailable");
        continue;
      }
      VideoProvider p = provider.get();
      int slots = free.computeIfAbsent(p.name(), n -> p.maxConcurrentTasks() - countAt(p, now));
      boolean due = !job.nextPollAt().isAfter(now);
      if (due && (slots > 0 || job.submissionUncertain()) && start(job, p, now)) {
        if (!job.submissionUncertain()) {
          free.put(p.name(), slots - 1);
        }
        position--;
        continue;
      }
      status.report(job, position);
    }
  }

  private int countAt(VideoProvider p, Instant now) {
    return jobs.countAtProvider(p.name(), now);
  }

  private Optional<VideoProvider> providerFor(Job job, Instant now) {
    if (job.submissionUncertain() && job.providerName() != null) {
      return router.byName(job.providerName());
    }
    return catalog.all().stream()
        .filter(m -> m.id().equals(job.request().modelId()))
        .findFirst()
        .flatMap(m -> router.forModel(m, now));
  }

  /**
   * Claims the job's submit step (a new create only while the provider has a free slot, counted
   * across every instance) and hands it to a worker; false when it cannot start now.
   */
  private boolean start(Job job, VideoProvider p, Instant now) {
    try (JobLogContext context = JobLogContext.of(job)) {
      String owner = settings.instanceId();
      boolean claimed =
          job.submissionUncertain()
              ? jobs.claim(job.id(), JobStep.SUBMIT, owner, now, leaseEnd(now))
              : jobs.claimSubmit(
                  job.id(), p.name(), p.maxConcurrentTasks(), owner, now, leaseEnd(now));
      if (!claimed) {
        return false;
      }
      Runnable work = job.submissionUncertain() ? () -> reconcile(job, p) : () -> submit(job, p);
      if (workers.trySubmit(job.id(), p.name(), work)) {
        return true;
      }
      jobs.deferQueued(job.id(), job.attempts(), now);
      jobs.releaseLease(job.id(), owner);
      return false;
    }
  }

  private Instant leaseEnd(Instant now) {
    return now.plus(settings.leaseTime());
  }

  private void submit(Job job, VideoProvider provider) {
    try {
      GenerationRequest request = job.request();
      if (provider.canFindCreated() && request.seed() == null) {
        request = request.withSeed(seeds.nextLong(0, 1L << 32));
      }
      String token = CallbackTokens.newToken();
      SubmitRequest create;
      try {
        create = submitRequest(job, provider, request, token);
      } catch (RuntimeException e) { // links to attachments in a store that failed: nothing sent
        StageWorkers.clearInterrupt();
        log.warn("Attachments of job {} cannot be linked yet, retrying", job.id(), e);
        retryLater(job, ProviderException.transientFailure("attachments not linkable", null));
        return;
      }
      jobs.markSubmitStarted(job.id(), provider.name(), request, token, clock.instant());
      create(job, provider, create, token);
    } finally {
      StageWorkers.clearInterrupt();
      jobs.releaseLease(job.id(), settings.instanceId());
    }
  }

  private void create(Job job, VideoProvider provider, SubmitRequest create, String token) {
    try {
      String taskId = provider.submit(create);
      router.recordSuccess(provider.name());
      submitted(job, provider, taskId, token);
    } catch (ProviderException e) {
      if (!e.isOutcomeUnknown()) {
        jobs.clearSubmitStarted(job.id());
      }
      failed(job, provider, e);
    } catch (RuntimeException e) {
      log.warn("Job {} could not be submitted to {}", job.id(), provider.name(), e);
      failed(job, provider, ProviderException.outcomeUnknown(null, e.toString(), e));
    }
  }

  /**
   * A create was sent before without its answer recorded: adopt the task it made, or send it again
   * only when the provider shows there is none; a provider that cannot tell ends the job.
   */
  private void reconcile(Job job, VideoProvider provider) {
    try {
      if (!provider.canFindCreated()) {
        log.error(
            "OPERATOR CHECK: job {} may have created a task at {} (create sent at {}, answer lost);"
                + " it is not sent again and the user is refunded. Look for a task with model {}"
                + " created then in the provider's console.",
            job.id(),
            provider.name(),
            job.submitStartedAt(),
            job.request().modelId());
        outcomes.finish(job, JobState.FAILED, "submission_uncertain");
        return;
      }
      Optional<String> found =
          provider.findCreated(
              submitRequest(job, provider, job.request(), null), job.submitStartedAt());
      if (found.isPresent()) {
        log.info("Job {}: the lost create made task {}; following it", job.id(), found.get());
        submitted(job, provider, found.get(), null);
      } else {
        log.info(
            "Job {}: the lost create made no task at {}; sending it again",
            job.id(),
            provider.name());
        String token = CallbackTokens.newToken();
        create(job, provider, submitRequest(job, provider, job.request(), token), token);
      }
    } catch (ProviderException e) {
      failed(job, provider, e);
    } finally {
      jobs.releaseLease(job.id(), settings.instanceId());
    }
  }

  private SubmitRequest submitRequest(
      Job job, VideoProvider provider, GenerationRequest request, String token) {
    String callbackPrefix = callbackBase.apply(provider);
    return new SubmitRequest(
        request,
        token == null ? List.of() : media.resolve(request.media(), provider.acceptsInlineMedia()),
        callbackPrefix == null || token == null ? null : callbackPrefix + token,
        job.owner().key());
  }

  private void submitted(Job job, VideoProvider provider, String taskId, String token) {
    Instant now = clock.instant();
    jobs.markSubmitted(
        job.id(),
        provider.name(),
        taskId,
        token,
        now,
        settings.pollDueAt(now, settings.pollInterval(), false));
    JobLogContext.taskId(taskId);
    telemetry.stage(JobTelemetry.Stage.QUEUED, job, Duration.between(job.createdAt(), now));
    jobs.find(job.id()).ifPresent(j -> status.report(j, null));
    log.info("Job {} submitted to {} as {}", job.id(), provider.name(), taskId);
  }

  private void failed(Job job, VideoProvider provider, ProviderException e) {
    StageWorkers.clearInterrupt();
    switch (e.kind()) {
      case TRANSIENT -> {
        router.recordFailure(provider.name(), clock.instant());
        retryLater(job, e);
      }
      case CONTENT_REFUSED -> outcomes.finish(job, JobState.FAILED, "content_refused");
      case INVALID_REQUEST -> outcomes.finish(job, JobState.FAILED, "invalid_request");
      case OPERATOR -> {
        log.error(
            "OPERATOR ACTION NEEDED: provider {} refused job {} ({}): {}",
            provider.name(),
            job.id(),
            e.code(),
            e.getMessage());
        outcomes.finish(job, JobState.FAILED, "service_unavailable");
      }
    }
  }

  private void retryLater(Job job, ProviderException e) {
    int attempts = job.attempts() + 1;
    if (attempts >= settings.maxTransientFailures()) {
      outcomes.finish(job, JobState.FAILED, "provider_unreachable");
      return;
    }
    Instant now = clock.instant();
    var wait = settings.backoff(attempts, jitter.getAsDouble());
    if (e.retryAfter() != null && e.retryAfter().compareTo(wait) > 0) {
      wait = e.retryAfter();
    }
    jobs.deferQueued(job.id(), attempts, now.plus(wait));
    log.info(
        "Job {} stays queued after a transient failure ({}), retry in {}",
        job.id(),
        e.getMessage(),
        wait,
        e.getCause());
  }
}
