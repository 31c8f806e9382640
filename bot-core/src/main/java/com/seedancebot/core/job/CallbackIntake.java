package com.seedancebot.core.job;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.seedancebot.core.provider.TaskState;
import java.time.Duration;
import java.util.Optional;

/**
 * Takes provider callbacks by their per-job token and hands them to the {@link JobTracker}. A job
 * read for one callback is remembered for a while, so a task's later callbacks (its success after
 * its "running") cost no database read: a burst of callbacks never queues the finished ones behind
 * one read after another. A remembered job may be older than the database's; the tracker only takes
 * a callback as a hint and every step it leads to is claimed with a guarded update, so an old copy
 * costs at most a needless poll. Thread-safe.
 */
public final class CallbackIntake {

  private static final int REMEMBERED_JOBS = 20_000;
  private static final Duration REMEMBERED_FOR = Duration.ofMinutes(10);

  private final JobRepository jobs;
  private final JobTracker tracker;
  private final Cache<String, Job> byToken =
      Caffeine.newBuilder().maximumSize(REMEMBERED_JOBS).expireAfterWrite(REMEMBERED_FOR).build();

  public CallbackIntake(JobRepository jobs, JobTracker tracker) {
    this.jobs = jobs;
    this.tracker = tracker;
  }

  /**
   * Passes a callback on to the tracker; {@code hinted} is the state its (untrusted) body claims,
   * or null when it cannot be read.
   *
   * @return false when the token belongs to no job
   */
  public boolean accept(String token, TaskState hinted) {
    Job job = byToken.getIfPresent(token);
    if (job == null) {
      Optional<Job> stored = jobs.findByCallbackToken(token);
      if (stored.isEmpty()) {
        return false;
      }
      job = stored.get();
      if (job.state().atProvider()) {
        byToken.put(token, job);
      }
    }
    tracker.onCallback(job, hinted);
    return true;
  }
}
