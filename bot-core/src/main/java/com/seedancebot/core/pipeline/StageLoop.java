package com.seedancebot.core.pipeline;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one stage's pass on a thread of its own: again one tick after the previous pass ended, or
 * sooner when {@linkplain #wake() woken} (a worker freed room that the last pass lacked), but never
 * closer than {@code minGap} after the previous pass, so a busy stage does not spin. A pass that
 * throws is logged and the loop goes on. Passes never overlap; {@link #wake()} is safe from any
 * thread.
 */
final class StageLoop {

  private static final Logger log = LoggerFactory.getLogger(StageLoop.class);

  private final String name;
  private final Runnable pass;
  private final long tickNanos;
  private final long minGapNanos;
  private final Object lock = new Object();
  private final Thread thread;
  private boolean woken;
  private long firstWait;
  private volatile boolean stopped;

  StageLoop(String name, Runnable pass, Duration tick, Duration minGap) {
    this.name = Objects.requireNonNull(name, "name");
    this.pass = Objects.requireNonNull(pass, "pass");
    this.tickNanos = tick.toNanos();
    this.minGapNanos = Math.min(minGap.toNanos(), tickNanos);
    this.thread = new Thread(this::run, "pipeline-loop-" + name);
    thread.setDaemon(true);
  }

  void start(Duration firstDelay) {
    firstWait = firstDelay.toNanos(); // Thread.start() publishes it
    thread.start();
  }

  /** Makes the next pass start as soon as the minimum gap allows. */
  void wake() {
    synchronized (lock) {
      woken = true;
      lock.notifyAll();
    }
  }

  void stop() {
    stopped = true;
    thread.interrupt();
  }

  private void run() {
    try {
      pause(firstWait, false);
      while (!stopped) {
        try {
          pass.run();
        } catch (RuntimeException e) {
          log.error("Pipeline stage {} failed; retrying on the next pass", name, e);
        }
        pause(minGapNanos, false);
        pause(tickNanos - minGapNanos, true);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits {@code nanos}; with {@code wakeable}, ends early once woken (and clears it). */
  private void pause(long nanos, boolean wakeable) throws InterruptedException {
    long end = System.nanoTime() + nanos;
    synchronized (lock) {
      for (long left = nanos; left > 0 && !stopped; left = end - System.nanoTime()) {
        if (wakeable && woken) {
          break;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
      if (wakeable) {
        woken = false;
      }
    }
  }
}
