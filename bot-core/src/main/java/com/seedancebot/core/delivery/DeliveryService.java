package com.seedancebot.core.delivery;

import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.SignedUrls;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobOutcomes;
import com.seedancebot.core.job.JobRepository;
import com.seedancebot.core.job.JobResult;
import com.seedancebot.core.job.JobSettings;
import com.seedancebot.core.job.JobState;
import java.time.Clock;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts every final job's outcome to the chat it came from, once: the video for a success, the
 * final status for a failure, expiry or cancellation. Delivery is recorded right after the surface
 * accepted it; transient surface failures are retried with backoff, permanent ones are logged and
 * given up. A job whose surface is not running here waits for it. Call {@link #tick()} from one
 * scheduler thread.
 */
public final class DeliveryService {

  private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);
  private static final int BATCH = 50;
  private static final int MAX_ATTEMPTS = 20;

  private final JobRepository jobs;
  private final ChatPorts ports;
  private final StatusReporter status;
  private final JobTexts texts;
  private final JobOutcomes outcomes;
  private final AssetStore assets;
  private final SignedUrls signedUrls;
  private final JobSettings settings;
  private final Clock clock;
  private final DoubleSupplier jitter;

  public DeliveryService(
      JobRepository jobs,
      ChatPorts ports,
      StatusReporter status,
      JobTexts texts,
      JobOutcomes outcomes,
      AssetStore assets,
      SignedUrls signedUrls,
      JobSettings settings,
      Clock clock,
      DoubleSupplier jitter) {
    this.jobs = jobs;
    this.ports = ports;
    this.status = status;
    this.texts = texts;
    this.outcomes = outcomes;
    this.assets = assets;
    this.signedUrls = signedUrls;
    this.settings = settings;
    this.clock = clock;
    this.jitter = jitter;
  }

  /** Delivers every due, undelivered final job. */
  public void tick() {
    for (Job job : jobs.findUndelivered(clock.instant(), BATCH)) {
      outcomes.reconcile(job);
      var port = ports.forPlatform(job.chat().platform());
      Instant now = clock.instant();
      if (port.isEmpty()
          || !jobs.tryLease(job.id(), settings.instanceId(), now, now.plus(settings.leaseTime()))) {
        continue;
      }
      try {
        status.show(job, null);
        if (job.state() == JobState.SUCCEEDED) {
          port.get().deliverVideo(videoDelivery(job));
        }
        jobs.markDelivered(job.id(), clock.instant());
        log.info("Job {} delivered to {}", job.id(), job.chat().platform());
      } catch (ChatDeliveryException e) {
        retryOrGiveUp(job, e);
      } catch (RuntimeException e) {
        retryOrGiveUp(job, new ChatDeliveryException(e.toString(), true, null, e));
      } finally {
        jobs.releaseLease(job.id(), settings.instanceId());
      }
    }
  }

  private void retryOrGiveUp(Job job, ChatDeliveryException e) {
    int attempts = job.attempts() + 1;
    if (!e.retryable() || attempts >= MAX_ATTEMPTS) {
      log.error(
          "Giving up delivering job {} to {}: {}", job.id(), job.chat().platform(), e.getMessage());
      jobs.markDelivered(job.id(), clock.instant());
      return;
    }
    var wait = settings.backoff(attempts, jitter.getAsDouble());
    if (e.retryAfter() != null && e.retryAfter().compareTo(wait) > 0) {
      wait = e.retryAfter();
    }
    Instant next = clock.instant().plus(wait);
    jobs.deferDelivery(job.id(), attempts, next);
    log.warn("Delivery of job {} failed ({}), retry in {}", job.id(), e.getMessage(), wait);
  }

  private VideoDelivery videoDelivery(Job job) {
    JobResult r = job.result();
    var lastFrame = r.lastFrameAssetId() == null ? null : assets.path(r.lastFrameAssetId());
    return new VideoDelivery(
        job.id(),
        job.owner().userId(),
        job.chat(),
        job.requestMessageId(),
        assets.path(r.videoAssetId()),
        r.sizeBytes(),
        r.width(),
        r.height(),
        r.durationSeconds(),
        lastFrame,
        signedUrls.sign(r.videoAssetId(), settings.resultLinkTtl()),
        lastFrame == null ? null : signedUrls.sign(r.lastFrameAssetId(), settings.resultLinkTtl()),
        texts.caption(job),
        lastFrame != null,
        job.owner().locale());
  }
}
