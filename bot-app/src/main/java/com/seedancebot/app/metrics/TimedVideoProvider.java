package com.seedancebot.app.metrics;

import com.seedancebot.core.provider.CancelOutcome;
import com.seedancebot.core.provider.ProviderTask;
import com.seedancebot.core.provider.SubmitRequest;
import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.request.ModelFamily;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link VideoProvider} that records how long each call to the real one takes, as the timer
 * {@code seedance.provider.latency} tagged with the provider, the operation and the outcome ({@code
 * ok} or the failure's class). Behaviour is otherwise unchanged.
 */
public final class TimedVideoProvider implements VideoProvider {

  private final VideoProvider delegate;
  private final MeterRegistry registry;

  public TimedVideoProvider(VideoProvider delegate, MeterRegistry registry) {
    this.delegate = delegate;
    this.registry = registry;
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
    try {
      return call.get();
    } catch (RuntimeException e) {
      outcome = e.getClass().getSimpleName();
      throw e;
    } finally {
      sample.stop(
          Timer.builder("seedance.provider.latency")
              .description("Time of one call to a video provider")
              .tag("provider", delegate.name())
              .tag("operation", operation)
              .tag("outcome", outcome)
              .register(registry));
    }
  }
}
