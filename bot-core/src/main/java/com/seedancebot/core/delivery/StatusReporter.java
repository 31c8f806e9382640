package com.seedancebot.core.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobRepository;
import com.seedancebot.core.job.JobState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each job's one status message current. Best effort: a surface that is down or rate limited
 * is skipped (the next change tries again), because the final outcome is delivered separately with
 * retries by {@link DeliveryService}. An unchanged text is not sent again. Thread-safe.
 */
public final class StatusReporter {

  private static final Logger log = LoggerFactory.getLogger(StatusReporter.class);

  /** How often a status whose only change is the elapsed time is edited. */
  public static final Duration TICK_REFRESH = Duration.ofSeconds(10);

  private final JobRepository jobs;
  private final ChatPorts ports;
  private final JobTexts texts;
  private final Clock clock;

  /** What a job's status message shows now, and since when. */
  private record Shown(String text, JobState state, Integer position, Instant at) {}

  private final Cache<String, Shown> lastShown =
      Caffeine.newBuilder().maximumSize(50_000).expireAfterAccess(Duration.ofHours(6)).build();

  public StatusReporter(JobRepository jobs, ChatPorts ports, JobTexts texts, Clock clock) {
    this.jobs = jobs;
    this.ports = ports;
    this.texts = texts;
    this.clock = clock;
  }

  /**
   * A changed state or queue position is always shown; a text that only ticks (elapsed time) is
   * refreshed at most every {@link #TICK_REFRESH}, so thousands of running jobs do not flood the
   * chat platforms with edits.
   */
  private boolean worthShowing(Shown last, Job job, Integer queuePosition, String text) {
    if (text.equals(last.text())) {
      return false;
    }
    if (last.state() != job.state() || !Objects.equals(last.position(), queuePosition)) {
      return true;
    }
    return !last.at().plus(TICK_REFRESH).isAfter(clock.instant());
  }

  /** Shows the job's current status (queue position when queued, else null); best effort. */
  public void report(Job job, Integer queuePosition) {
    try {
      show(job, queuePosition);
    } catch (ChatDeliveryException | IllegalStateException e) {
      log.warn(
          "Status of job {} not shown on {}: {}", job.id(), job.chat().platform(), e.getMessage());
    }
  }

  /**
   * Shows the job's current status and lets a surface failure propagate, for callers that retry.
   *
   * @return false when the job's surface is not running here
   */
  public boolean show(Job job, Integer queuePosition) {
    var port = ports.forPlatform(job.chat().platform());
    if (port.isEmpty()) {
      return false;
    }
    String text = texts.status(job, queuePosition, clock.instant());
    String statusId = job.statusMessageId();
    Shown last = lastShown.getIfPresent(job.id());
    if (statusId != null && last != null && !worthShowing(last, job, queuePosition, text)) {
      return true;
    }
    JobStatus status =
        new JobStatus(
            job.id(),
            job.owner().userId(),
            job.chat(),
            job.requestMessageId(),
            statusId,
            job.state(),
            queuePosition,
            !job.state().isFinal(),
            text,
            job.owner().locale());
    String shownId = port.get().showStatus(status);
    lastShown.put(job.id(), new Shown(text, job.state(), queuePosition, clock.instant()));
    if (shownId != null && !shownId.equals(statusId)) {
      jobs.setStatusMessageId(job.id(), shownId);
    }
    return true;
  }
}
