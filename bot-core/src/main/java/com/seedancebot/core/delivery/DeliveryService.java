package com.seedancebot.core.delivery;

import com.seedancebot.core.asset.AssetFile;
import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.SignedUrls;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobClaims;
import com.seedancebot.core.job.JobLogContext;
import com.seedancebot.core.job.JobOutcomes;
import com.seedancebot.core.job.JobRepository;
import com.seedancebot.core.job.JobResult;
import com.seedancebot.core.job.JobSettings;
import com.seedancebot.core.job.JobState;
import com.seedancebot.core.job.JobStep;
import com.seedancebot.core.job.JobTelemetry;
import com.seedancebot.core.story.Storyboards;
import com.seedancebot.core.work.StageWorkers;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts every final job's outcome to the chat it came from, once: the final status, then the video
 * for a success. Each delivery runs on a delivery worker under a claimed, renewed lease, so a slow
 * upload holds one worker and never another user's video. The steps are recorded, so a retry never
 * repeats one that went through: the final status is shown once (a status message the user deleted
 * is replaced for failures and skipped for successes, whose video says it all), and the video is
 * always attempted whatever became of the status. A transient surface failure is retried with
 * backoff; an upload refused for good (or failing too often) falls back to a message with the bot's
 * signed link. A job whose surface is not running here, or whose chat this instance does not reach
 * ({@link ChatPort#reaches}), waits for an instance that does. A storyboard's scene is delivered
 * through {@link Storyboards}: a finished scene with more to come queues the next one and posts
 * nothing; the scene that ends the storyboard posts the scenes made so far as one video. {@link
 * #tick()} is called from one thread.
 */
public final class DeliveryService {

  private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);
  private static final int BATCH = 200;

  /** Pages of other instances' jobs one pass looks past for its own. */
  private static final int MAX_PAGES = 10;

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
  private final StageWorkers workers;
  private final JobTelemetry telemetry;
  private final VideoDeliveries deliveries;
  private final Storyboards stories;
  private final JobClaims claims;

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
      DoubleSupplier jitter,
      StageWorkers workers,
      JobTelemetry telemetry,
      Storyboards stories,
      JobClaims claims) {
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
    this.workers = workers;
    this.telemetry = telemetry;
    this.deliveries = new VideoDeliveries(texts, signedUrls, settings);
    this.stories = stories;
    this.claims = claims;
  }

  /** How this service builds a job's video post (also used to show it again). */
  public VideoDeliveries deliveries() {
    return deliveries;
  }

  /**
   * Starts the delivery of every due, undelivered final job that a worker can take now. Jobs this
   * instance cannot deliver (their chat is served by another instance, e.g. another Discord shard)
   * are passed over page by page, so a backlog of another instance's jobs never hides this one's.
   */
  public void tick() {
    Instant now = clock.instant();
    Job after = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      // chats whose deliveries take every worker they may have are left out: a backlog behind a
      // hung upload in one chat never fills the page
      List<Job> due = jobs.findUndelivered(now, after, BATCH, workers.fullGroups());
      boolean othersOnly = true;
      for (Job job : due) {
        var port = ports.forPlatform(job.chat().platform());
        if (port.isEmpty() || !port.get().reaches(job.chat())) {
          continue; // another instance delivers it
        }
        othersOnly = false;
        if (workers.isRunning(job.id()) || !workers.hasRoom(chatGroup(job))) {
          continue; // no worker free: it stays due for the next pass
        }
        try (JobLogContext context = JobLogContext.of(job)) {
          start(job, port.get());
        }
      }
      if (due.size() < BATCH || !othersOnly) {
        return; // the last page, or one with this instance's own work: the next pass goes on
      }
      after = due.get(due.size() - 1);
    }
  }

  /**
   * Hands the job to a worker, which claims its delivery first: claims run on the workers side by
   * side, so one pass starts many deliveries without waiting on one database write after another.
   */
  private void start(Job job, ChatPort port) {
    workers.trySubmit(job.id(), chatGroup(job), () -> claimAndDeliver(job, port));
  }

  /** Delivers the job unless its delivery cannot be claimed (another instance has it, or done). */
  private void claimAndDeliver(Job job, ChatPort port) {
    if (claims.claim(job.id(), JobStep.DELIVER)) {
      deliver(job, port);
    }
  }

  /** Deliveries are bounded per chat: uploads hanging in one chat leave the others free. */
  private static String chatGroup(Job job) {
    return job.chat().platform() + ":" + job.chat().chatId();
  }

  private void deliver(Job job, ChatPort port) {
    boolean delivered = false;
    boolean statusShown = job.finalStatusAt() != null;
    try {
      outcomes.reconcile(job);
      Storyboards.Step step = stories == null ? Storyboards.Step.NONE : stories.step(job);
      if (step == Storyboards.Step.NEXT_SCENE) { // its status replaces this one's in its message
        var next = stories.startNext(job);
        if (next.isEmpty()) {
          step = Storyboards.Step.ENDS; // cancelled before: this scene ends the storyboard
        } else if (stories.cancelled(job)) { // cancelled while it was queued, maybe unseen
          outcomes.finish(next.get(), JobState.CANCELLED, "cancelled");
        }
      }
      if (step == Storyboards.Step.NEXT_SCENE) {
        delivered = jobs.markDelivered(job.id(), clock.instant());
        return;
      }
      if (!statusShown) {
        showFinalStatus(job);
        statusShown = true; // recorded with the delivery, or with the retry if the video fails
      }
      JobTelemetry.Delivery kind = null;
      if (step == Storyboards.Step.ENDS) {
        var story = stories.end(job);
        if (story.isPresent()) {
          Job joined = story.get().job();
          String caption =
              texts.storyCaption(joined, story.get().sceneJobIds(), story.get().prompts());
          kind = postVideo(joined, port, caption);
        }
      } else if (job.state() == JobState.SUCCEEDED) {
        kind = postVideo(job, port, texts.caption(job));
      }
      delivered = jobs.markDelivered(job.id(), clock.instant());
      log.info("Job {} delivered to {}", job.id(), job.chat().platform());
      if (kind != null) {
        reportDelivery(job, kind);
      }
    } catch (ChatDeliveryException e) {
      retryOrGiveUp(job, e, statusShown);
    } catch (IOException e) {
      retryOrGiveUp(
          job,
          new ChatDeliveryException("storyboard step failed: " + e, true, null, e),
          statusShown);
    } catch (RuntimeException e) {
      retryOrGiveUp(job, new ChatDeliveryException(e.toString(), true, null, e), statusShown);
    } finally {
      StageWorkers.clearInterrupt();
      if (delivered) {
        claims.ended(job.id(), JobStep.DELIVER); // recording the delivery ended the lease
      } else {
        claims.release(job.id());
      }
    }
  }

  /**
   * Shows the final status; the caller records it afterwards (with the delivery, or with the retry
   * when the video fails), so that a retry, or another instance after a crash, shows it again
   * unless it was shown. A status that cannot be edited for good (deleted, too old) is sent anew
   * when it carries the outcome (failure, expiry, cancellation) and skipped for a success, whose
   * video says it all.
   */
  private void showFinalStatus(Job job) {
    try {
      status.showOutcome(job);
    } catch (ChatDeliveryException e) {
      if (e.retryable()) {
        throw e;
      }
      if (job.state() == JobState.SUCCEEDED || job.statusMessageId() == null) {
        log.info("Final status of job {} not shown ({}); going on", job.id(), e.getMessage());
      } else {
        log.info(
            "Status message of job {} cannot be edited ({}); sending the outcome anew",
            job.id(),
            e.getMessage());
        showAnew(job);
      }
    }
  }

  private void showAnew(Job job) {
    try {
      status.showOutcomeAnew(job);
    } catch (ChatDeliveryException e) {
      if (e.retryable()) {
        throw e;
      }
      log.warn("Outcome of job {} could not be shown at all: {}", job.id(), e.getMessage(), e);
    }
  }

  /**
   * Uploads the video. Refused for good (or too often), the signed link is sent instead; so it is
   * when the upload ran past the delivery timeout, because the abandoned upload may still be posted
   * and uploading again could post the video twice. The stored files are local for the upload
   * (copies from a shared store, released afterwards); a store that cannot give them is retried.
   */
  private JobTelemetry.Delivery postVideo(Job job, ChatPort port, String caption) {
    JobResult r = job.result();
    try (AssetFile video = assets.localFile(r.videoAssetId());
        AssetFile frame =
            r.lastFrameAssetId() == null ? null : assets.localFile(r.lastFrameAssetId())) {
      return postVideo(
          job,
          port,
          deliveries.first(job, video.path(), frame == null ? null : frame.path(), caption));
    } catch (IOException e) {
      throw new ChatDeliveryException("the stored video cannot be read: " + e, true, null, e);
    }
  }

  private JobTelemetry.Delivery postVideo(Job job, ChatPort port, VideoDelivery video) {
    try {
      port.deliverVideo(video);
      return JobTelemetry.Delivery.UPLOAD;
    } catch (ChatDeliveryException e) {
      boolean abandoned = StageWorkers.timedOut();
      if (e.retryable() && !abandoned && job.attempts() + 1 < MAX_ATTEMPTS) {
        throw e;
      }
      StageWorkers.clearInterrupt();
      log.warn(
          abandoned
              ? "Upload of job {} to {} timed out and may still arrive; sending its link instead of"
                  + " uploading again"
              : "Video of job {} could not be uploaded to {}; sending its link instead",
          job.id(),
          job.chat().platform(),
          e);
      port.sendText(
          job.chat(),
          job.requestMessageId(),
          texts.linkFallback(job, video.videoLink(), settings.resultLinkTtl(), abandoned));
      return JobTelemetry.Delivery.LINK;
    }
  }

  /** Tells telemetry how the video came and how long the user waited for it. */
  private void reportDelivery(Job job, JobTelemetry.Delivery kind) {
    Instant now = clock.instant();
    telemetry.delivered(job, kind);
    if (job.finishedAt() != null) {
      telemetry.stage(JobTelemetry.Stage.DELIVER, job, Duration.between(job.finishedAt(), now));
    }
    telemetry.stage(JobTelemetry.Stage.END_TO_END, job, Duration.between(job.createdAt(), now));
  }

  private void retryOrGiveUp(Job job, ChatDeliveryException e, boolean statusShown) {
    StageWorkers.clearInterrupt();
    int attempts = job.attempts() + 1;
    if (!e.retryable() || attempts >= MAX_ATTEMPTS) {
      log.error("Giving up delivering job {} to {}", job.id(), job.chat().platform(), e);
      jobs.markDelivered(job.id(), clock.instant());
      return;
    }
    var wait = settings.backoff(attempts, jitter.getAsDouble());
    if (e.retryAfter() != null && e.retryAfter().compareTo(wait) > 0) {
      wait = e.retryAfter();
    }
    Instant next = clock.instant().plus(wait);
    jobs.deferDelivery(job.id(), attempts, next, statusShown ? clock.instant() : null);
    log.warn("Delivery of job {} failed ({}), retry in {}", job.id(), e.getMessage(), wait);
  }
}
