package com.seedancebot.app.retention;

import com.seedancebot.core.asset.Retention;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link Retention} sweep on one daemon thread: once right after start, then every
 * interval; a failing sweep is logged and the next one runs on time.
 */
final class RetentionSchedule implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

  private final Retention retention;
  private final Duration interval;
  private ScheduledExecutorService scheduler;

  RetentionSchedule(Retention retention, Duration interval) {
    this.retention = retention;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "retention");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(this::sweep, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }

  private void sweep() {
    try {
      retention.run();
    } catch (RuntimeException e) {
      log.warn("Retention sweep failed: {}", e.toString());
    }
  }
}
