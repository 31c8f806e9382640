package com.seedancebot.app.metrics;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.seedancebot.core.job.JobRepository;
import com.seedancebot.core.job.JobState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Publishes the gauge {@code seedance.jobs} with a {@code state} tag: how many jobs are in each
 * state. Counts are read from the database at most every five seconds, however often scraped.
 */
@Component
public class JobMetrics implements MeterBinder {

  private final LoadingCache<String, Map<JobState, Long>> counts;

  public JobMetrics(JobRepository jobs) {
    this.counts =
        Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5))
            .build(key -> jobs.countByState());
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (JobState state : JobState.values()) {
      Gauge.builder("seedance.jobs", counts, c -> c.get("all").getOrDefault(state, 0L))
          .description("Jobs by state")
          .tag("state", state.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
  }
}
