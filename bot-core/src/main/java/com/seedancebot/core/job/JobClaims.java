package com.seedancebot.core.job;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Claims a job's polls, collect and delivery for this instance, so that no step runs twice.
 * Instances sharing the database claim in it: a guarded update that checks the step's state and the
 * lease, and holds the step for {@link JobSettings#leaseTime()} ({@link JobRepository#claim},
 * {@link JobRepository#claimPolls}). A sole instance on an embedded database, which no other
 * process can open, claims in memory instead and saves a database commit per step: its stage
 * workers already run one unit per job at a time and poll a provider with one request at a time, so
 * what is left to prevent is a step that ended being started again from an older read of the job,
 * which a bounded memory of the steps that ended prevents. Thread-safe.
 */
public final class JobClaims {

  private static final int REMEMBERED_STEPS = 100_000;
  private static final Duration REMEMBERED_FOR = Duration.ofMinutes(30);

  private final JobRepository jobs;
  private final JobSettings settings;
  private final Clock clock;
  private final boolean sharesDatabase;
  private final Cache<String, Boolean> ended =
      Caffeine.newBuilder().maximumSize(REMEMBERED_STEPS).expireAfterWrite(REMEMBERED_FOR).build();

  public JobClaims(JobRepository jobs, JobSettings settings, Clock clock, boolean sharesDatabase) {
    this.jobs = jobs;
    this.settings = settings;
    this.clock = clock;
    this.sharesDatabase = sharesDatabase;
  }

  /** Whether instances share the database (and claim in it). */
  public boolean sharesDatabase() {
    return sharesDatabase;
  }

  /**
   * Claims the job's step (COLLECT or DELIVER) for this instance.
   *
   * @return false when another instance holds it, or it ended
   */
  public boolean claim(String jobId, JobStep step) {
    if (!sharesDatabase) {
      return ended.getIfPresent(key(jobId, step)) == null;
    }
    Instant now = clock.instant();
    return jobs.claim(jobId, step, settings.instanceId(), now, now.plus(settings.leaseTime()));
  }

  /**
   * The step ended for good (the job's result stored, its delivery recorded); the update that
   * recorded it ended the lease. A sole instance remembers it so that an older read of the job
   * never starts it again.
   */
  public void ended(String jobId, JobStep step) {
    if (!sharesDatabase) {
      ended.put(key(jobId, step), Boolean.TRUE);
    }
  }

  /** The step did not end this time: its lease is given back, so that it can be claimed again. */
  public void release(String jobId) {
    if (sharesDatabase) {
      jobs.releaseLease(jobId, settings.instanceId());
    }
  }

  /**
   * Claims the polls of due jobs for a lease time.
   *
   * @return the ids of the jobs this instance may poll now
   */
  public Set<String> claimPolls(List<Job> due, Instant now) {
    if (!sharesDatabase) {
      return due.stream().map(Job::id).collect(Collectors.toSet());
    }
    return jobs.claimPolls(due, now, now.plus(settings.leaseTime()));
  }

  private static String key(String jobId, JobStep step) {
    return step.name() + ":" + jobId;
  }
}
