package com.seedancebot.app.metrics;

import com.seedancebot.app.health.ProviderHealthIndicator;
import com.seedancebot.core.provider.CancelOutcome;
import com.seedancebot.core.provider.ProviderException;
import com.seedancebot.core.provider.ProviderTask;
import com.seedancebot.core.provider.SubmitRequest;
import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.request.ModelFamily;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A {@link VideoProvider} that measures every call to the real one: {@link
 * MetricNames#PROVIDER_CALLS} (tags {@code provider}, {@code operation}, {@code outcome}, {@code
 * error_code}) and the histogram {@link MetricNames#PROVIDER_CALL_DURATION}, and tells the
 * provider's {@link ProviderHealthIndicator} whether it answered. The outcome is {@code ok}, the
 * failure's kind ({@code transient}, {@code content_refused}, {@code invalid_request}, {@code
 * operator}) or {@code error} for an unexpected exception; the error code is the provider's ({@code
 * none} when it gave none). Behaviour is otherwise unchanged.
 */
public final class TimedVideoProvider implements VideoProvider {

  /** Histogram buckets: a poll takes tens of milliseconds, an upload-heavy create seconds. */
  private static final Duration[] BUCKETS =
      Stream.of(50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000, 60_000)
          .map(Duration::ofMillis)
          .toArray(Duration[]::new);

  private final VideoProvider delegate;
  private final MeterRegistry registry;
  private final ProviderHealthIndicator health;

  public TimedVideoProvider(
      VideoProvider delegate, MeterRegistry registry, ProviderHealthIndicator health) {
    this.delegate = delegate;
    this.registry = registry;
    this.health = health;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public ModelFamily family() {
    return delegate.family();
  }

  @Override
  public int maxConcurrentTasks() {
    return delegate.maxConcurrentTasks();
  }

  @Override
  public boolean acceptsInlineMedia() {
    return delegate.acceptsInlineMedia();
  }

  @Override
  public boolean canFindCreated() {
    return delegate.canFindCreated();
  }

  @Override
  public Optional<String> findCreated(SubmitRequest request, Instant since) {
    return timed("find", () -> delegate.findCreated(request, since));
  }

  @Override
  public String submit(SubmitRequest request) {
    return timed("submit", () -> delegate.submit(request));
  }

  @Override
  public Map<String, ProviderTask> poll(Collection<String> taskIds) {
    return timed("poll", () -> delegate.poll(taskIds));
  }

  @Override
  public CancelOutcome cancel(String taskId) {
    return timed("cancel", () -> delegate.cancel(taskId));
  }

  @Override
  public InputStream download(URI resultUrl) throws IOException {
    return delegate.download(resultUrl);
  }

  private <T> T timed(String operation, Supplier<T> call) {
    Timer.Sample sample = Timer.start(registry);
    String outcome = "ok";
    String errorCode = "none";
    try {
      T answer = call.get();
      health.succeeded();
      return answer;
    } catch (ProviderException e) {
      outcome = e.kind().name().toLowerCase(Locale.ROOT);
      errorCode = e.code() == null ? "none" : e.code();
      answered(e);
      throw e;
    } catch (RuntimeException e) {
      outcome = "error";
      health.failed(e.getClass().getSimpleName());
      throw e;
    } finally {
      sample.stop(
          Timer.builder(MetricNames.PROVIDER_CALL_DURATION)
              .description("Time of one call to a video provider")
              .tag("provider", delegate.name())
              .tag("operation", operation)
              .tag("outcome", outcome)
              .serviceLevelObjectives(BUCKETS)
              .register(registry));
      Counter.builder(MetricNames.PROVIDER_CALLS)
          .description("Calls to video providers")
          .tag("provider", delegate.name())
          .tag("operation", operation)
          .tag("outcome", outcome)
          .tag("error_code", errorCode)
          .register(registry)
          .increment();
    }
  }

  /** A refused request is an answer (the provider works); anything else counts against it. */
  private void answered(ProviderException e) {
    switch (e.kind()) {
      case CONTENT_REFUSED, INVALID_REQUEST -> health.succeeded();
      case TRANSIENT, OPERATOR ->
          health.failed(
              e.kind().name().toLowerCase(Locale.ROOT)
                  + (e.code() == null ? "" : " " + e.code())
                  + ": "
                  + e.getMessage());
    }
  }
}
