package com.seedancebot.app.config;

import com.seedancebot.core.delivery.DeliveryService;
import com.seedancebot.core.job.JobDispatcher;
import com.seedancebot.core.job.JobTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drives the job pipeline: on every tick (after the database is migrated and the app is up) it
 * submits queued jobs, polls the providers and delivers finished jobs, in that order, on one
 * thread. A failing step is logged and retried on the next tick; it never stops the others.
 */
@Component
public class PipelineScheduler {

  private static final Logger log = LoggerFactory.getLogger(PipelineScheduler.class);

  private final JobDispatcher dispatcher;
  private final JobTracker tracker;
  private final DeliveryService delivery;

  public PipelineScheduler(JobDispatcher dispatcher, JobTracker tracker, DeliveryService delivery) {
    this.dispatcher = dispatcher;
    this.tracker = tracker;
    this.delivery = delivery;
  }

  @Scheduled(fixedDelayString = "${bot.tick-interval:250ms}", initialDelayString = "500ms")
  public void tick() {
    run("dispatch", dispatcher::tick);
    run("track", tracker::tick);
    run("deliver", delivery::tick);
  }

  private static void run(String step, Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      log.error("Pipeline step {} failed; retrying on the next tick", step, e);
    }
  }
}
