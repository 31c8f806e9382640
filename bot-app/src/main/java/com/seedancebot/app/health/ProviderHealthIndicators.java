package com.seedancebot.app.health;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.CompositeHealthContributor;

/**
 * The {@link ProviderHealthIndicator} of each configured provider, by its name, and the {@code
 * providers} component of {@code /actuator/health} made of them. Thread-safe.
 */
public final class ProviderHealthIndicators {

  private final Clock clock;
  private final Map<String, ProviderHealthIndicator> byProvider = new LinkedHashMap<>();

  public ProviderHealthIndicators(Clock clock) {
    this.clock = clock;
  }

  /** The provider's indicator, created on first use. */
  public synchronized ProviderHealthIndicator forProvider(String name) {
    return byProvider.computeIfAbsent(name, n -> new ProviderHealthIndicator(clock));
  }

  /** A component with one entry per provider known now. */
  public synchronized CompositeHealthContributor contributor() {
    return CompositeHealthContributor.fromMap(new LinkedHashMap<>(byProvider));
  }
}
