package com.seedancebot.core.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobLogContext;
import com.seedancebot.core.job.JobRepository;
import com.seedancebot.core.job.JobState;
import com.seedancebot.core.job.StatusListener;
import com.seedancebot.core.work.StageWorkers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each job's one status message current. {@link #report} is best effort and does not block:
 * the newest status of a job is kept and shown by a status worker, older ones still waiting are
 * dropped (edits coalesce under pressure), a surface that is down or rate limited is skipped (the
 * next change tries again), and a status older than one already shown as final never overwrites it.
 * The final outcome is delivered separately, with retries, by {@link DeliveryService} through
 * {@link #showOutcome}, and recorded as shown only after the edit went through. Instances sharing
 * the database claim each text on the job's row before showing it: a job gets one status message,
 * no text is sent twice and no status replaces one of a later state, whichever instance shows it; a
 * sole instance (an embedded database) skips those writes. Thread-safe.
 */
public final class StatusReporter implements StatusListener {

  private static final Logger log = LoggerFactory.getLogger(StatusReporter.class);

  /** How often a status whose only change is the elapsed time is edited. */
  public static final Duration TICK_REFRESH = Duration.ofSeconds(10);

  /**
   * How long a claim on sending a job's first status message holds: an instance that died while
   * sending it leaves the claim behind, and after this another may send the message.
   */
  static final Duration SENDING_HOLD = Duration.ofSeconds(30);

  /** When an outcome waiting for another instance's first status message is tried again. */
  private static final Duration SENDING_RETRY = Duration.ofSeconds(2);

  private final JobRepository jobs;
  private final ChatPorts ports;
  private final JobTexts texts;
  private final Clock clock;
  private final StageWorkers workers;
  private final boolean claims;

  /** What a job's status message shows now, and since when. */
  private record Shown(
      String text, JobState state, Integer position, Instant at, String messageId) {}

  /** A status waiting for a worker. */
  private record Pending(Job job, Integer position) {}

  private final Cache<String, Shown> lastShown =
      Caffeine.newBuilder().maximumSize(50_000).expireAfterAccess(Duration.ofHours(6)).build();
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final LoadingCache<String, ReentrantLock> locks =
      Caffeine.newBuilder().weakValues().build(id -> new ReentrantLock());

  /**
   * @param claims whether each text is claimed on the job's row first (instances share the
   *     database); without, this instance alone decides, from what it showed
   */
  public StatusReporter(
      JobRepository jobs,
      ChatPorts ports,
      JobTexts texts,
      Clock clock,
      StageWorkers workers,
      boolean claims) {
    this.jobs = jobs;
    this.claims = claims;
    this.ports = ports;
    this.texts = texts;
    this.clock = clock;
    this.workers = workers;
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

  /** Shows the job's current status (queue position when queued, else null) soon; best effort. */
  @Override
  public void report(Job job, Integer queuePosition) {
    Shown last = lastShown.getIfPresent(job.id());
    if (last != null
        && last.state() == job.state()
        && Objects.equals(last.position(), queuePosition)
        && last.at().plus(TICK_REFRESH).isAfter(clock.instant())) {
      return; // only the elapsed time changed, shown recently: nothing to edit yet
    }
    pending.put(job.id(), new Pending(job, queuePosition));
    start(job.id(), job.chat().platform().name());
  }

  /**
   * Starts a worker for every status still waiting (one that found no free worker before), while a
   * platform has free workers.
   */
  public void flush() {
    Map<String, Boolean> room = new HashMap<>();
    pending.forEach(
        (id, p) -> {
          String platform = p.job().chat().platform().name();
          if (room.computeIfAbsent(platform, workers::hasRoom) && !start(id, platform)) {
            room.put(platform, workers.hasRoom(platform));
          }
        });
  }

  private boolean start(String jobId, String platform) {
    return workers.trySubmit(jobId, platform, () -> drain(jobId));
  }

  private void drain(String jobId) {
    Pending next;
    while ((next = pending.remove(jobId)) != null) {
      try (JobLogContext context = JobLogContext.of(next.job())) {
        showBestEffort(next);
      }
    }
  }

  private void showBestEffort(Pending next) {
    try {
      show(next.job(), next.position());
    } catch (ChatDeliveryException | IllegalStateException e) {
      StageWorkers.clearInterrupt();
      log.warn(
          "Status of job {} not shown on {}: {}",
          next.job().id(),
          next.job().chat().platform(),
          e.getMessage(),
          e.getCause());
    }
  }

  /**
   * Shows the job's current status and lets a surface failure propagate, for callers that retry.
   *
   * @return false when the job's surface is not running here or does not reach its chat
   */
  public boolean show(Job job, Integer queuePosition) {
    return show(job, queuePosition, false, false);
  }

  /**
   * Shows the job's outcome, for the holder of its delivery lease only, who records it as shown
   * ({@link Job#finalStatusAt()}) once this returns: until then a crash or a failed edit leaves it
   * to be shown again. The outcome is shown even when its text was claimed already (by a holder
   * that died before showing it); an edit to what the message shows is harmless. While another
   * instance is sending the job's first status message, this throws a retryable failure: the
   * outcome edits that message once it exists.
   *
   * @return false when the job's surface is not running here or does not reach its chat
   */
  public boolean showOutcome(Job job) {
    return show(job, null, false, true);
  }

  /** Shows the job's outcome as a new message (the old one is gone); failures propagate. */
  public boolean showOutcomeAnew(Job job) {
    return show(job, null, true, true);
  }

  private boolean show(Job job, Integer queuePosition, boolean anew, boolean outcome) {
    var port = ports.forPlatform(job.chat().platform());
    if (port.isEmpty() || !port.get().reaches(job.chat())) {
      return false;
    }
    // a job's texts are claimed and shown in one order here: a progress text claimed before the
    // outcome is never shown after it
    ReentrantLock lock = locks.get(job.id());
    lock.lock();
    try {
      showLocked(port.get(), job, queuePosition, anew, outcome);
    } finally {
      lock.unlock();
    }
    return true;
  }

  private void showLocked(
      ChatPort port, Job job, Integer queuePosition, boolean anew, boolean outcome) {
    Instant now = clock.instant();
    String text = texts.status(job, queuePosition, now);
    Shown last = lastShown.getIfPresent(job.id());
    if (!outcome && last != null && rank(job.state()) < rank(last.state())) {
      return; // a stale status never replaces a later one (nor the outcome)
    }
    // a snapshot read before the first status message was stored must edit it, not send another
    String statusId =
        anew ? null : job.statusMessageId() != null ? job.statusMessageId() : shownId(last);
    if (!outcome
        && statusId != null
        && last != null
        && !worthShowing(last, job, queuePosition, text)) {
      return;
    }
    String hash = textHash(text);
    int rank = rank(job.state());
    boolean sending = statusId == null && !anew;
    Instant heldBefore = sending ? now.minus(SENDING_HOLD) : null;
    if (claims && !jobs.claimStatus(job.id(), rank, hash, now, heldBefore)) {
      if (!sending && !outcome) {
        return; // this text, or a later state, is shown already (perhaps by another instance)
      }
      if (sending) {
        sending = false;
        statusId = jobs.statusMessageId(job.id()).orElse(null);
        if (statusId == null) {
          if (outcome) {
            throw new ChatDeliveryException(
                "another instance is sending the status message", true, SENDING_RETRY, null);
          }
          return; // another instance is sending the message
        }
      }
      if (!jobs.claimStatus(job.id(), rank, hash, now, null) && !outcome) {
        return; // another instance showed this already
      }
    }
    String shownId = showClaimed(port, job, queuePosition, statusId, text, hash, sending);
    lastShown.put(job.id(), new Shown(text, job.state(), queuePosition, now, shownId));
    if (sending || (shownId != null && !shownId.equals(statusId))) {
      jobs.setStatusMessageId(job.id(), shownId); // null gives a claim on sending back
    }
  }

  /** Shows a claimed text; a failure gives the claims back, so the text can be shown again. */
  private String showClaimed(
      ChatPort port,
      Job job,
      Integer queuePosition,
      String statusId,
      String text,
      String hash,
      boolean sending) {
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
    try {
      return port.showStatus(status);
    } catch (RuntimeException e) {
      if (!claims) {
        throw e;
      }
      jobs.releaseStatus(job.id(), hash);
      if (sending) {
        jobs.setStatusMessageId(job.id(), null);
      }
      throw e;
    }
  }

  /** Later states rank higher: a status never replaces one of a later state. */
  private static int rank(JobState state) {
    return switch (state) {
      case QUEUED -> 0;
      case SUBMITTED -> 1;
      case RUNNING -> 2;
      case SUCCEEDED, FAILED, EXPIRED, CANCELLED -> 3;
    };
  }

  private static String textHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String shownId(Shown last) {
    return last == null ? null : last.messageId();
  }
}
