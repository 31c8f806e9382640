package com.seedancebot.core.request;

import java.util.Objects;

/**
 * One model a provider family offers: the exact wire id, a short alias users type ({@code fast}), a
 * human label, what it can do, and the Seedance generation it belongs to.
 */
public record ModelSpec(
    String id,
    ModelFamily family,
    String alias,
    String label,
    Capabilities capabilities,
    ModelSeries series) {
  public ModelSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(capabilities, "capabilities");
    Objects.requireNonNull(series, "series");
    alias = alias == null ? id : alias;
    label = label == null ? id : label;
  }

  /** A Seedance 2.0 series model (the original five-component form). */
  public ModelSpec(
      String id, ModelFamily family, String alias, String label, Capabilities capabilities) {
    this(id, family, alias, label, capabilities, ModelSeries.SEEDANCE_2_0);
  }
}
