package com.seedancebot.core.bench;

import com.seedancebot.core.provider.fake.FakeArkServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Moves the fake's tasks (MANUAL progression) on a known schedule from its own thread: each task
 * starts running at a random moment early on and succeeds at a staggered time, evenly spread over
 * the success window in a shuffled order. The moment each task became a success at the fake (right
 * after the fake's state change) is recorded with {@link System#nanoTime()}.
 */
final class TaskFlipper implements AutoCloseable {

  private record Step(long atNanos, String taskId, boolean success) {}

  private final FakeArkServer fake;
  private final List<Step> steps = new ArrayList<>();
  private final Map<String, Long> succeededAt = new ConcurrentHashMap<>();
  private final Map<String, Long> succeededAtMillis = new ConcurrentHashMap<>();
  private final long firstSuccessAt;
  private final Thread thread;
  private volatile boolean stopped;

  TaskFlipper(
      FakeArkServer fake,
      List<String> taskIds,
      int successes,
      long startNanos,
      Duration firstSuccess,
      Duration window,
      long seed) {
    this.fake = fake;
    Random random = new Random(seed);
    List<String> order = new ArrayList<>(taskIds);
    Collections.shuffle(order, random);
    long runningSpread = Math.max(1, firstSuccess.toNanos() / 2);
    this.firstSuccessAt = startNanos + firstSuccess.toNanos();
    for (int i = 0; i < order.size(); i++) {
      String id = order.get(i);
      long running = startNanos + (long) (random.nextDouble() * runningSpread);
      steps.add(new Step(running, id, false));
      if (i < successes) {
        long success = firstSuccessAt + window.toNanos() * i / successes;
        steps.add(new Step(success, id, true));
      }
    }
    steps.sort(Comparator.comparingLong(Step::atNanos));
    thread = new Thread(this::run, "task-flipper");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** The tasks this flipper makes succeed. */
  java.util.Set<String> successTaskIds() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    steps.stream().filter(Step::success).forEach(s -> ids.add(s.taskId()));
    return ids;
  }

  /** When the first task succeeds (nanoTime). */
  long firstSuccessAt() {
    return firstSuccessAt;
  }

  /** Task id → nanoTime at which the fake reported it succeeded. */
  Map<String, Long> succeededAt() {
    return succeededAt;
  }

  /**
   * Task id → wall-clock epoch millis at which it succeeded (to compare with {@code delivered_at}).
   */
  Map<String, Long> succeededAtMillis() {
    return succeededAtMillis;
  }

  private void run() {
    for (Step step : steps) {
      long wait;
      while (!stopped && (wait = step.atNanos() - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      if (stopped) {
        return;
      }
      fake.advance(step.taskId());
      if (step.success()) {
        succeededAt.put(step.taskId(), System.nanoTime());
        succeededAtMillis.put(step.taskId(), System.currentTimeMillis());
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    LockSupport.unpark(thread);
    thread.join(5_000);
  }
}
