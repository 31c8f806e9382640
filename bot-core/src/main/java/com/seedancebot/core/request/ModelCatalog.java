package com.seedancebot.core.request;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every model of PROVIDERS.md for the three API families, with its capabilities. Immutable and
 * thread-safe. Lookups accept the exact id or the short alias, case-insensitively; within a family
 * every id and alias names exactly one model (checked on construction).
 *
 * <p>Aliases: Ark {@code 2.0 fast 1.5 pro pro-fast lite lite-i2v} (BytePlus ids the same with a
 * {@code bp-} prefix); gateway {@code 2.0 fast face fast-face pro pro-fast}; GlobalAiOpc {@code 2.0
 * fast pro fast-pro}.
 */
public final class ModelCatalog {

  private final List<ModelSpec> models;

  public ModelCatalog(List<ModelSpec> models) {
    this.models = List.copyOf(models);
    requireUniqueNames(this.models);
  }

  /** The catalogue of PROVIDERS.md. */
  public static ModelCatalog standard() {
    return new ModelCatalog(StandardModels.all());
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
    String wanted = normalize(idOrAlias);
    return family(family).stream()
        .filter(m -> normalize(m.id()).equals(wanted) || normalize(m.alias()).equals(wanted))
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

  private static String normalize(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  private static void requireUniqueNames(List<ModelSpec> models) {
    Map<String, ModelSpec> seen = new HashMap<>();
    for (ModelSpec m : models) {
      for (String name : new String[] {m.id(), m.alias()}) {
        ModelSpec other = seen.putIfAbsent(m.family() + "/" + normalize(name), m);
        if (other != null && other != m) {
          throw new IllegalArgumentException(
              "'" + name + "' names both " + other.id() + " and " + m.id());
        }
      }
    }
  }
}
