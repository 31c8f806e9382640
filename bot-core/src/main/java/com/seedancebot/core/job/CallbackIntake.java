package com.seedancebot.core.job;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.seedancebot.core.provider.TaskState;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes provider callbacks by their per-job token and hands them to the {@link JobTracker}. A job
 * read for one callback is remembered for a while, so a task's later callbacks (its success after
 * its "running") cost no database read. A progress callback ("queued", "running") whose job is not
 * remembered is answered at once and read on the {@code progress} executor (one worker with a
 * bounded queue; when it is full the hint is dropped, and the job's next regular poll records the
 * state): a burst of thousands of tasks starting never queues the finished ones' callbacks behind
 * their reads, neither here nor in the provider's senders waiting for answers. A remembered job may
 * be older than the database's; the tracker only takes a callback as a hint and every step it leads
 * to is claimed, so an old copy costs at most a needless poll. Thread-safe.
 */
public final class CallbackIntake {

  private static final Logger log = LoggerFactory.getLogger(CallbackIntake.class);

  private static final int REMEMBERED_JOBS = 20_000;
  private static final Duration REMEMBERED_FOR = Duration.ofMinutes(10);

  private final JobRepository jobs;
  private final JobTracker tracker;
  private final Executor progress;
  private final Cache<String, Job> byToken =
      Caffeine.newBuilder().maximumSize(REMEMBERED_JOBS).expireAfterWrite(REMEMBERED_FOR).build();

  public CallbackIntake(JobRepository jobs, JobTracker tracker, Executor progress) {
    this.jobs = jobs;
    this.tracker = tracker;
    this.progress = progress;
  }

  /**
   * Passes a callback on to the tracker; {@code hinted} is the state its (untrusted) body claims,
   * or null when it cannot be read.
   *
   * @return false when the token belongs to no job (a progress callback whose job is read later is
   *     answered true; an unknown token there is ignored)
   */
  public boolean accept(String token, TaskState hinted) {
    Job job = byToken.getIfPresent(token);
    if (job != null) {
      tracker.onCallback(job, hinted);
      return true;
    }
    if (hinted == TaskState.RUNNING || hinted == TaskState.QUEUED) {
      try {
        progress.execute(() -> readHint(token, hinted));
      } catch (RejectedExecutionException full) {
        // only a hint: the job's next regular poll records its state
      }
      return true;
    }
    return readAndPass(token, hinted);
  }

  /** A progress callback read in the background: a failure is logged (the next poll records it). */
  private void readHint(String token, TaskState hinted) {
    try {
      readAndPass(token, hinted);
    } catch (RuntimeException e) {
      log.warn("A {} callback could not be read; the job's next poll records its state", hinted, e);
    }
  }

  private boolean readAndPass(String token, TaskState hinted) {
    Optional<Job> stored = jobs.findByCallbackToken(token);
    if (stored.isEmpty()) {
      return false;
    }
    Job job = stored.get();
    if (job.state().atProvider()) {
      byToken.put(token, job);
    }
    tracker.onCallback(job, hinted);
    return true;
  }
}
