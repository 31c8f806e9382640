package com.seedancebot.core.request;

import java.util.Objects;

/**
 * One model a provider family offers: the exact wire id, a short alias users type ({@code fast}), a
 * human label, and what it can do.
 */
public record ModelSpec(
    String id, ModelFamily family, String alias, String label, Capabilities capabilities) {
  public ModelSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(capabilities, "capabilities");
    alias = alias == null ? id : alias;
    label = label == null ? id : label;
  }
}
