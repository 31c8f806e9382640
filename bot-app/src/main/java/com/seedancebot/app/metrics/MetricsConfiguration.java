package com.seedancebot.app.metrics;

import com.seedancebot.core.delivery.ChatCallListener;
import com.seedancebot.core.job.JobTelemetry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bridges from the core's and the adapters' reports to Micrometer, whose Prometheus registry
 * {@code /actuator/prometheus} shows. The names are in {@link MetricNames}.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

  @Bean
  JobTelemetry jobTelemetry(MeterRegistry registry) {
    return new MicrometerJobTelemetry(registry);
  }

  @Bean
  ChatCallListener chatCallListener(MeterRegistry registry) {
    return new MicrometerChatCalls(registry);
  }
}
