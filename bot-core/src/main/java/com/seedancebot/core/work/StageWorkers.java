package com.seedancebot.core.work;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The workers of one pipeline stage: at most {@code maxConcurrent} units of work at once, at most
 * {@code maxPerGroup} of them in one group (a chat platform, a provider), never two with the same
 * key (a job id) at the same time. {@link #trySubmit} never blocks: when a unit cannot start now it
 * answers false and the stage's next pass offers it again, so one slow unit occupies one worker and
 * never the stage. A unit still running after {@code timeout} is interrupted (blocking HTTP reads
 * end with an exception) and counted as failed by its own code. When work was turned away for lack
 * of room, the next unit to end calls the {@linkplain #onRoom room listener} (so a stage's pass can
 * run again at once rather than at its next tick). Thread-safe.
 *
 * <p>A unit runs with the logging context (SLF4J MDC) its submitter had, so the log lines of a
 * job's step (and this class's own about it) carry the job's identity; the worker's context is
 * restored afterwards.
 *
 * <p>With a direct executor ({@code Runnable::run}) every unit runs on the caller's thread before
 * {@code trySubmit} returns, which is how unit tests drive the stages step by step.
 */
public final class StageWorkers {

  private static final Logger log = LoggerFactory.getLogger(StageWorkers.class);

  private final String name;
  private final Executor executor;
  private final ScheduledExecutorService watchdog;
  private final int maxConcurrent;
  private final int maxPerGroup;
  private final Duration timeout;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> perGroup = new ConcurrentHashMap<>();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicBoolean turnedAway = new AtomicBoolean();
  private volatile Runnable roomListener = () -> {};

  /** The unit this thread runs now, whose watchdog may have fired. */
  private static final ThreadLocal<boolean[]> TIMED_OUT = new ThreadLocal<>();

  /**
   * @param name the stage (in logs)
   * @param executor runs the units; its threads must be at least {@code maxConcurrent}
   * @param watchdog interrupts units past their timeout, or null for no timeout
   * @param maxConcurrent units at once in this stage
   * @param maxPerGroup units at once in one group
   * @param timeout how long one unit may run
   */
  public StageWorkers(
      String name,
      Executor executor,
      ScheduledExecutorService watchdog,
      int maxConcurrent,
      int maxPerGroup,
      Duration timeout) {
    if (maxConcurrent < 1 || maxPerGroup < 1) {
      throw new IllegalArgumentException(name + ": concurrency must be at least 1");
    }
    this.name = Objects.requireNonNull(name, "name");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.watchdog = watchdog;
    this.maxConcurrent = maxConcurrent;
    this.maxPerGroup = maxPerGroup;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** Workers that run every unit on the caller's thread, without timeout (tests, benchmarks). */
  public static StageWorkers direct(String name) {
    return new StageWorkers(
        name, Runnable::run, null, Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ofDays(1));
  }

  /**
   * Calls {@code listener} (on the worker thread, after its unit's slot is free) when a unit ends
   * after work was turned away for lack of room; it must be quick and must not throw.
   */
  public void onRoom(Runnable listener) {
    this.roomListener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Whether a unit of {@code group} could start now. When not, the next unit to end calls the room
   * listener. Lets a stage skip the database work of claiming a job no worker can take.
   */
  public boolean hasRoom(String group) {
    if (running.get() < maxConcurrent && running(group) < maxPerGroup) {
      return true;
    }
    turnedAway.set(true);
    return false;
  }

  /**
   * Starts {@code work} unless a unit with the same key runs, the stage is full or the group is.
   *
   * @return whether the work was started (or, with a direct executor, done)
   */
  public boolean trySubmit(String key, String group, Runnable work) {
    if (!inFlight.add(key)) {
      return false;
    }
    AtomicInteger groupCount = perGroup.computeIfAbsent(group, g -> new AtomicInteger());
    // both counts go up before either is checked: release() takes one off each
    int inStage = running.incrementAndGet();
    int inGroup = groupCount.incrementAndGet();
    if (inStage > maxConcurrent || inGroup > maxPerGroup) {
      release(key, groupCount);
      turnedAway.set(true);
      return false;
    }
    Map<String, String> logContext = MDC.getCopyOfContextMap();
    try {
      executor.execute(
          () -> runInContext(logContext, () -> runWithDeadline(key, groupCount, work)));
      return true;
    } catch (RuntimeException e) {
      release(key, groupCount);
      log.warn("{}: unit {} not started ({})", name, key, e.toString());
      return false;
    }
  }

  /** Runs {@code work} with the given logging context, then restores the thread's own. */
  private static void runInContext(Map<String, String> logContext, Runnable work) {
    Map<String, String> own = MDC.getCopyOfContextMap();
    setContext(logContext);
    try {
      work.run();
    } finally {
      setContext(own);
    }
  }

  private static void setContext(Map<String, String> context) {
    if (context == null) {
      MDC.clear();
    } else {
      MDC.setContextMap(context);
    }
  }

  private void runWithDeadline(String key, AtomicInteger groupCount, Runnable work) {
    Thread worker = Thread.currentThread();
    Object lock = new Object();
    boolean[] done = {false};
    boolean[] timedOut = {false};
    TIMED_OUT.set(timedOut);
    Map<String, String> logContext = MDC.getCopyOfContextMap();
    Future<?> alarm =
        watchdog == null
            ? null
            : watchdog.schedule(
                () ->
                    runInContext(
                        logContext,
                        () -> {
                          synchronized (lock) {
                            if (!done[0]) {
                              timedOut[0] = true;
                              log.warn(
                                  "{}: unit {} still running after {}, interrupting it",
                                  name,
                                  key,
                                  timeout);
                              worker.interrupt();
                            }
                          }
                        }),
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    try {
      work.run();
    } catch (RuntimeException e) {
      log.error("{}: unit {} failed; it is offered again on a later pass", name, key, e);
    } finally {
      synchronized (lock) {
        done[0] = true;
      }
      TIMED_OUT.remove();
      if (alarm != null) {
        alarm.cancel(false);
      }
      if (watchdog != null) {
        Thread.interrupted(); // a late interrupt must not hit the pool thread's next unit
      }
      release(key, groupCount);
      if (turnedAway.compareAndSet(true, false)) {
        roomListener.run();
      }
    }
  }

  private void release(String key, AtomicInteger groupCount) {
    groupCount.decrementAndGet();
    running.decrementAndGet();
    inFlight.remove(key);
  }

  /**
   * Whether the unit running on this thread was interrupted by its stage's timeout: a call it made
   * then was abandoned, not answered, and may still take effect (an upload may still be posted).
   */
  public static boolean timedOut() {
    boolean[] flag = TIMED_OUT.get();
    return flag != null && flag[0];
  }

  /**
   * Clears this thread's interrupt, which a timeout may have set during a blocking call: call it
   * before the unit records the failure, so the database driver (H2 closes an interrupted file
   * channel) is never handed an interrupted thread.
   */
  public static void clearInterrupt() {
    Thread.interrupted();
  }

  /** Keys of the units running now (their leases are renewed while they run). */
  public Set<String> inFlight() {
    return Set.copyOf(inFlight);
  }

  /** The groups whose units take every worker a group may have now. */
  public Set<String> fullGroups() {
    Set<String> full = new HashSet<>();
    perGroup.forEach(
        (group, n) -> {
          if (n.get() >= maxPerGroup) {
            full.add(group);
          }
        });
    return full;
  }

  /** How many units of the group run now. */
  public int running(String group) {
    AtomicInteger n = perGroup.get(group);
    return n == null ? 0 : Math.max(0, n.get());
  }

  /** Whether a unit with this key runs now. */
  public boolean isRunning(String key) {
    return inFlight.contains(key);
  }
}
