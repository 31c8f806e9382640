package com.seedancebot.app.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The scheduler that runs the job pipeline's ticks. Declared explicitly so that {@code @Scheduled}
 * never borrows an adapter's own executor (Telegram's or Discord's), and so the pipeline has one
 * thread of its own: dispatch, track and deliver never run concurrently with each other.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulingConfiguration {

  @Bean
  ThreadPoolTaskScheduler taskScheduler() {
    ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    scheduler.setPoolSize(1);
    scheduler.setThreadNamePrefix("pipeline-");
    scheduler.setWaitForTasksToCompleteOnShutdown(false);
    return scheduler;
  }
}
