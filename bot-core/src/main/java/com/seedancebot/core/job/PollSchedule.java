package com.seedancebot.core.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each job at a provider is polled next. Instances sharing the database keep the schedule in
 * it: every poll writes its job's next poll ({@link JobRepository#updateAtProvider(List)}) and the
 * due jobs are read from it. A sole instance on an embedded database keeps the polls that change
 * nothing in memory instead, because writing thousands of unchanged rows a second was the largest
 * share of its database's commits and held up the commits of finishing videos:
 *
 * <ul>
 *   <li>a job polled in memory has its stored next poll pushed to a horizon (at least ten minutes)
 *       past its real one, written again only when its state changes or its polls near the horizon,
 *       so the database's due jobs are the new ones and those another path made due (a callback, a
 *       failed collect), which then take over from the memory;
 *   <li>a due job is read again before it is polled ({@link #current}), so a job that ended or was
 *       cancelled meanwhile is dropped and never polled from a stale copy;
 *   <li>a restart loses the memory: the first look at the schedule makes due every job whose stored
 *       next poll lies further ahead than any poll the database way would write (a lease time, or
 *       the longest back-off), so a crash delays a poll by a lease time at most.
 * </ul>
 *
 * Thread-safe: read on the tracker's loop, written by its poll and collect workers.
 */
public final class PollSchedule {

  private static final Logger log = LoggerFactory.getLogger(PollSchedule.class);

  private static final Duration MIN_HORIZON = Duration.ofMinutes(10);

  private final JobRepository jobs;
  private final boolean inMemory;
  private final Duration horizon;
  private final Duration furthestWritten;
  private final AtomicBoolean recovered = new AtomicBoolean();

  /** A job polled in memory: its copy (next poll, unchanged polls) and its stored next poll. */
  private record Entry(Job job, Instant stored) {}

  private final Map<String, Entry> memory = new ConcurrentHashMap<>();

  /**
   * @param inMemory whether unchanged polls stay in memory (a sole instance on an embedded
   *     database); otherwise every poll is written
   */
  public PollSchedule(JobRepository jobs, JobSettings settings, boolean inMemory) {
    this.jobs = jobs;
    this.inMemory = inMemory;
    Duration lease = settings.leaseTime();
    this.furthestWritten =
        lease.compareTo(settings.maxPollInterval()) > 0 ? lease : settings.maxPollInterval();
    // far enough that a stored horizon never looks like a poll the database way wrote
    Duration far = furthestWritten.multipliedBy(4);
    this.horizon = far.compareTo(MIN_HORIZON) > 0 ? far : MIN_HORIZON;
  }

  /**
   * Up to {@code limit} jobs whose next poll is due, oldest first: the database's, then the
   * memory's. A job the database holds due is taken from there, and leaves the memory.
   */
  public List<Job> due(Instant now, int limit) {
    if (inMemory && recovered.compareAndSet(false, true)) {
      int forward = jobs.bringPollsForward(now, now.plus(furthestWritten));
      if (forward > 0) {
        log.info(
            "{} jobs at their provider were polled in memory before a restart: polled now",
            forward);
      }
    }
    Map<String, Job> due = new LinkedHashMap<>();
    for (Job job : jobs.findDueAtProvider(now, limit)) {
      memory.remove(job.id());
      due.put(job.id(), job);
    }
    if (due.size() < limit) {
      memory.values().stream()
          .map(Entry::job)
          .filter(j -> !j.nextPollAt().isAfter(now))
          .sorted(Comparator.comparing(Job::nextPollAt))
          .limit(limit - due.size())
          .forEach(j -> due.putIfAbsent(j.id(), j));
    }
    return List.copyOf(due.values());
  }

  /**
   * The jobs about to be polled as they are now. A sole instance reads them again (the memory's
   * copies may be stale: a job may have ended or been cancelled meanwhile), keeping the memory's
   * count of unchanged polls; a job no longer at its provider is dropped, and forgotten.
   */
  public List<Job> current(List<Job> due) {
    if (!inMemory || due.isEmpty()) {
      return due;
    }
    Map<String, Job> fresh = new HashMap<>();
    jobs.findAtProvider(due).forEach(j -> fresh.put(j.id(), j));
    List<Job> current = new ArrayList<>();
    for (Job job : due) {
      Job now = fresh.get(job.id());
      Entry entry = memory.get(job.id());
      if (now == null) {
        memory.remove(job.id());
      } else if (entry != null && entry.job().state() == now.state()) {
        Job copy = entry.job();
        current.add(now.atProvider(now.state(), copy.attempts(), copy.nextPollAt()));
      } else {
        current.add(now);
      }
    }
    return current;
  }

  /**
   * Records the next polls of jobs just polled (or handled otherwise). A job in {@code polled} with
   * no next poll has left the provider's states, and is forgotten.
   *
   * @param polled the jobs as they were before this poll
   * @param next their next polls (also of jobs not in {@code polled}, which are written)
   */
  public void record(List<Job> polled, List<JobRepository.AtProvider> next) {
    if (!inMemory) {
      jobs.updateAtProvider(next);
      return;
    }
    Map<String, Job> before = new HashMap<>();
    polled.forEach(j -> before.put(j.id(), j));
    List<JobRepository.AtProvider> written = new ArrayList<>();
    for (JobRepository.AtProvider at : next) {
      Job job = before.remove(at.id());
      if (job == null) {
        written.add(at);
        continue;
      }
      Job copy = job.atProvider(at.state(), at.attempts(), at.nextPoll());
      Entry entry = memory.get(at.id());
      boolean keep =
          entry != null
              && at.state() == job.state()
              && at.nextPoll().plus(horizon.dividedBy(2)).isBefore(entry.stored());
      if (keep) {
        memory.put(at.id(), new Entry(copy, entry.stored()));
      } else {
        Instant stored = at.nextPoll().plus(horizon);
        written.add(new JobRepository.AtProvider(at.id(), at.state(), at.attempts(), stored));
        memory.put(at.id(), new Entry(copy, stored));
      }
    }
    before.keySet().forEach(memory::remove);
    jobs.updateAtProvider(written);
  }

  /** The job left its provider's states (its result was stored): it is polled no more. */
  public void forget(String jobId) {
    memory.remove(jobId);
  }
}
