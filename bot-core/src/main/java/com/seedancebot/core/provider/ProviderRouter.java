package com.seedancebot.core.provider;

import com.seedancebot.core.request.ModelFamily;
import com.seedancebot.core.request.ModelSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses which configured provider runs a model: the first one, in configuration order, of the
 * model's family that is healthy. A provider that failed transiently {@link #FAILURES_TO_AVOID}
 * times in a row is avoided for {@link #COOL_DOWN} while another of the same family is healthy, so
 * queued jobs fail over; one success makes it healthy again. Thread-safe.
 */
public final class ProviderRouter {

  /** Consecutive transient failures after which a provider is avoided. */
  public static final int FAILURES_TO_AVOID = 3;

  /** How long an avoided provider is skipped before it is tried again. */
  public static final Duration COOL_DOWN = Duration.ofMinutes(2);

  private record Health(int failures, Instant lastFailure) {}

  private final List<VideoProvider> providers;
  private final Map<String, Health> health = new ConcurrentHashMap<>();

  public ProviderRouter(List<VideoProvider> providers) {
    if (providers.isEmpty()) {
      throw new IllegalArgumentException("at least one provider must be configured");
    }
    this.providers = List.copyOf(providers);
  }

  public List<VideoProvider> all() {
    return providers;
  }

  /** The families of model ids this bot can run, in configuration order. */
  public List<ModelFamily> families() {
    return providers.stream().map(VideoProvider::family).distinct().toList();
  }

  /** The provider that should run {@code model} now, if any offers it. */
  public Optional<VideoProvider> forModel(ModelSpec model, Instant now) {
    List<VideoProvider> candidates =
        providers.stream().filter(p -> p.family() == model.family()).toList();
    return candidates.stream()
        .filter(p -> healthy(p.name(), now))
        .findFirst()
        .or(() -> candidates.stream().findFirst());
  }

  /** The provider with this configured name. */
  public Optional<VideoProvider> byName(String name) {
    return providers.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** A call to the provider failed transiently (429, 5xx, timeout). */
  public void recordFailure(String providerName, Instant now) {
    health.merge(
        providerName, new Health(1, now), (old, one) -> new Health(old.failures() + 1, now));
  }

  /** A call to the provider succeeded. */
  public void recordSuccess(String providerName) {
    health.remove(providerName);
  }

  /** Whether the provider is used for new submissions now. */
  public boolean healthy(String providerName, Instant now) {
    Health h = health.get(providerName);
    return h == null
        || h.failures() < FAILURES_TO_AVOID
        || h.lastFailure().plus(COOL_DOWN).isBefore(now);
  }
}
