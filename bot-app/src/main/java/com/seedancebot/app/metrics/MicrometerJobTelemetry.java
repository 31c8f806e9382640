package com.seedancebot.app.metrics;

import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobState;
import com.seedancebot.core.job.JobTelemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Turns the pipeline's reports into metrics: the histogram {@link MetricNames#STAGE_DURATION} (tags
 * {@code stage}, {@code model}), and the counters {@link MetricNames#JOBS_FINISHED} ({@code state},
 * {@code model}), {@link MetricNames#DELIVERIES} ({@code platform}, {@code kind}: {@code upload} or
 * {@code link}) and {@link MetricNames#STORED_BYTES} ({@code kind}: {@code attachment} or {@code
 * result}). Thread-safe.
 */
public final class MicrometerJobTelemetry implements JobTelemetry {

  /** Histogram buckets from a second to an hour: videos take minutes, deliveries seconds. */
  private static final Duration[] BUCKETS =
      Stream.of(1, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600)
          .map(Duration::ofSeconds)
          .toArray(Duration[]::new);

  private final MeterRegistry registry;

  public MicrometerJobTelemetry(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void stage(Stage stage, Job job, Duration time) {
    Timer.builder(MetricNames.STAGE_DURATION)
        .description("Time jobs spent in each stage of the pipeline")
        .tag("stage", lower(stage))
        .tag("model", job.request().modelId())
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record(time.isNegative() ? Duration.ZERO : time);
  }

  @Override
  public void finished(Job job, JobState state) {
    Counter.builder(MetricNames.JOBS_FINISHED)
        .description("Jobs that ended, by final state")
        .tags("state", lower(state), "model", job.request().modelId())
        .register(registry)
        .increment();
  }

  @Override
  public void delivered(Job job, Delivery kind) {
    Counter.builder(MetricNames.DELIVERIES)
        .description("Videos that reached their chat")
        .tags("platform", lower(job.chat().platform()), "kind", lower(kind))
        .register(registry)
        .increment();
  }

  @Override
  public void stored(Stored kind, long bytes) {
    Counter.builder(MetricNames.STORED_BYTES)
        .description("Bytes written to the bot's storage")
        .baseUnit("bytes")
        .tags("kind", lower(kind))
        .register(registry)
        .increment(bytes);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
