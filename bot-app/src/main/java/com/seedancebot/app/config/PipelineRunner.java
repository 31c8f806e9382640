package com.seedancebot.app.config;

import com.seedancebot.core.pipeline.Pipeline;
import jakarta.annotation.PreDestroy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the job pipeline once the application is ready (database migrated, chat surfaces wired)
 * and stops it on shutdown.
 */
@Component
public class PipelineRunner {

  private final Pipeline pipeline;

  public PipelineRunner(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void start() {
    pipeline.start();
  }

  @PreDestroy
  public void stop() {
    pipeline.stop();
  }
}
