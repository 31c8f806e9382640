package com.seedancebot.core.provider;

import com.seedancebot.core.request.ModelFamily;
import com.seedancebot.core.request.ModelSpec;
import java.util.List;
import java.util.Optional;

/**
 * Chooses which configured provider runs a model: the first one, in configuration order, of the
 * model's family. Immutable and thread-safe.
 */
public final class ProviderRouter {

  private final List<VideoProvider> providers;

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

  /** The provider that runs {@code model}, if any offers it. */
  public Optional<VideoProvider> forModel(ModelSpec model) {
    return providers.stream().filter(p -> p.family() == model.family()).findFirst();
  }

  /** The provider with this configured name. */
  public Optional<VideoProvider> byName(String name) {
    return providers.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
