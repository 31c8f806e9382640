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
 * Publishes the gauges {@link MetricNames#JOBS} (tags {@code state}, {@code model}) and {@link
 * MetricNames#QUEUE_LENGTH}. Counts are read from the database at most every five seconds, however
 * often scraped; a state and model pair gets its gauge once a job of it is seen (and then stays, at
 * 0 when no job is left in it). Thread-safe.
 */
@Component
public class JobMetrics implements MeterBinder {

  private final LoadingCache<String, Map<JobState, Map<String, Long>>> counts;
  private volatile MeterRegistry registry;
  private volatile Map<JobState, Map<String, Long>> registered;

  public JobMetrics(JobRepository jobs) {
    this.counts =
        Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5))
            .build(key -> jobs.countByStateAndModel());
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder(MetricNames.QUEUE_LENGTH, this, m -> m.count(JobState.QUEUED))
        .description("Jobs waiting in the bot's queue for a provider slot")
        .register(registry);
  }

  private double count(JobState state) {
    return counts().getOrDefault(state, Map.of()).values().stream()
        .mapToLong(Long::longValue)
        .sum();
  }

  private double count(JobState state, String model) {
    return counts().getOrDefault(state, Map.of()).getOrDefault(model, 0L);
  }

  /** The cached counts; after each reload, a gauge is registered for every pair not seen yet. */
  private Map<JobState, Map<String, Long>> counts() {
    Map<JobState, Map<String, Long>> current = counts.get("all");
    MeterRegistry target = registry;
    if (current != registered && target != null) {
      registered = current;
      current.forEach(
          (state, byModel) ->
              byModel
                  .keySet()
                  .forEach(
                      model ->
                          Gauge.builder(MetricNames.JOBS, this, m -> m.count(state, model))
                              .description("Jobs by state and model")
                              .tag("state", state.name().toLowerCase(Locale.ROOT))
                              .tag("model", model)
                              .register(target)));
    }
    return current;
  }
}
