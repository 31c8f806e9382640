package com.seedancebot.core.request;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every model of PROVIDERS.md for the three API families, with its capabilities. Immutable and
 * thread-safe. Lookups accept the exact id or the short alias, case-insensitively.
 */
public final class ModelCatalog {

  private final List<ModelSpec> models;

  public ModelCatalog(List<ModelSpec> models) {
    this.models = List.copyOf(models);
  }

  /** The catalogue of PROVIDERS.md. */
  public static ModelCatalog standard() {
    Capabilities v20 =
        new Capabilities(
            4,
            15,
            true,
            5,
            Set.of("16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "adaptive"),
            "adaptive",
            Set.of("480p", "720p", "1080p"),
            "720p",
            true,
            true,
            true,
            true,
            true,
            9,
            3,
            3,
            false,
            false,
            true,
            true);
    return new ModelCatalog(
        List.of(
            new ModelSpec(
                "doubao-seedance-2-0-260128", ModelFamily.ARK, "2.0", "Seedance 2.0", v20)));
  }

  public List<ModelSpec> all() {
    return models;
  }

  public List<ModelSpec> family(ModelFamily family) {
    return models.stream().filter(m -> m.family() == family).toList();
  }

  /** The model of this family whose id or alias is {@code idOrAlias}. */
  public Optional<ModelSpec> find(ModelFamily family, String idOrAlias) {
    if (idOrAlias == null) {
      return Optional.empty();
    }
    String wanted = idOrAlias.strip().toLowerCase(Locale.ROOT);
    return family(family).stream()
        .filter(
            m ->
                m.id().toLowerCase(Locale.ROOT).equals(wanted)
                    || m.alias().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  /** The default model of a family (DESIGN.md's {@code SEEDANCE_MODEL} defaults). */
  public ModelSpec defaultModel(ModelFamily family) {
    String id =
        switch (family) {
          case ARK -> "doubao-seedance-2-0-260128";
          case GATEWAY -> "doubao-seedance-2.0";
          case GLOBALAIOPC -> "seedance_2_0_pro";
        };
    return find(family, id)
        .orElseThrow(() -> new IllegalStateException("no default model for " + family));
  }
}
