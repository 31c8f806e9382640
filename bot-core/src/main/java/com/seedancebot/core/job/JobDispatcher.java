package com.seedancebot.core.job;

import com.seedancebot.core.asset.MediaUrlResolver;
import com.seedancebot.core.delivery.StatusReporter;
import com.seedancebot.core.provider.ProviderException;
import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.provider.SubmitRequest;
import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.request.ModelCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves jobs from the local queue to their provider, oldest first, never holding more tasks at a
 * provider than its concurrency limit. A transient failure keeps the job queued and retries it with
 * backoff; a final failure ends the job. Queue positions are reported as they change. Call {@link
 * #tick()} from one scheduler thread.
 */
public final class JobDispatcher {

  private static final Logger log = LoggerFactory.getLogger(JobDispatcher.class);

  private final JobRepository jobs;
  private final ProviderRouter router;
  private final ModelCatalog catalog;
  private final MediaUrlResolver media;
  private final JobOutcomes outcomes;
  private final StatusReporter status;
  private final JobSettings settings;
  private final Clock clock;
  private final DoubleSupplier jitter;
  private final Function<VideoProvider, String> callbackBase;

  public JobDispatcher(
      JobRepository jobs,
      ProviderRouter router,
      ModelCatalog catalog,
      MediaUrlResolver media,
      JobOutcomes outcomes,
      StatusReporter status,
      JobSettings settings,
      Clock clock,
      DoubleSupplier jitter,
      Function<VideoProvider, String> callbackBase) {
    this.jobs = jobs;
    this.router = router;
    this.catalog = catalog;
    this.media = media;
    this.outcomes = outcomes;
    this.status = status;
    this.settings = settings;
    this.clock = clock;
    this.jitter = jitter;
    this.callbackBase = callbackBase;
  }

  /** Submits what fits, expires what waited too long, and refreshes queue positions. */
  public void tick() {
    Instant now = clock.instant();
    Map<String, Integer> free = new HashMap<>();
    List<Job> queued = jobs.findQueued();
    int position = 0;
    for (Job job : queued) {
      if (job.createdAt().plus(settings.maxLocalQueueTime()).isBefore(now)) {
        outcomes.finish(job, JobState.EXPIRED, "queue_timeout");
        continue;
      }
      position++;
      Optional<VideoProvider> provider =
          catalog.all().stream()
              .filter(m -> m.id().equals(job.request().modelId()))
              .findFirst()
              .flatMap(m -> router.forModel(m, now));
      if (provider.isEmpty()) {
        outcomes.finish(job, JobState.FAILED, "model_unavailable");
        continue;
      }
      VideoProvider p = provider.get();
      int slots =
          free.computeIfAbsent(p.name(), n -> p.maxConcurrentTasks() - jobs.countAtProvider(n));
      if (slots > 0 && !job.nextPollAt().isAfter(now) && leased(job, now)) {
        boolean submitted;
        try {
          submitted = submit(job, p, now);
        } finally {
          jobs.releaseLease(job.id(), settings.instanceId());
        }
        if (submitted) {
          free.put(p.name(), slots - 1);
          position--;
          continue;
        }
      }
      status.report(job, position);
    }
  }

  /** Only the instance holding the job's lease submits it (several instances, one database). */
  private boolean leased(Job job, Instant now) {
    return jobs.tryLease(job.id(), settings.instanceId(), now, now.plus(settings.leaseTime()));
  }

  private boolean submit(Job job, VideoProvider provider, Instant now) {
    String token = CallbackTokens.newToken();
    String callbackPrefix = callbackBase.apply(provider);
    try {
      SubmitRequest request =
          new SubmitRequest(
              job.request(),
              media.resolve(job.request().media(), provider.acceptsInlineMedia()),
              callbackPrefix == null ? null : callbackPrefix + token,
              job.owner().key());
      String taskId = provider.submit(request);
      router.recordSuccess(provider.name());
      jobs.markSubmitted(
          job.id(), provider.name(), taskId, token, now, now.plus(settings.pollInterval()));
      jobs.find(job.id()).ifPresent(j -> status.report(j, null));
      log.info("Job {} submitted to {} as {}", job.id(), provider.name(), taskId);
      return true;
    } catch (ProviderException e) {
      switch (e.kind()) {
        case TRANSIENT -> {
          router.recordFailure(provider.name(), now);
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
      return false;
    } catch (RuntimeException e) {
      log.warn("Job {} could not be submitted to {}", job.id(), provider.name(), e);
      router.recordFailure(provider.name(), now);
      retryLater(job, ProviderException.transientFailure(String.valueOf(e.getMessage()), null));
      return false;
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
        wait);
  }
}
