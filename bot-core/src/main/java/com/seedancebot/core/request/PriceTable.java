package com.seedancebot.core.request;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Configured prices: model id to {@link ModelPrice}, all in one currency (e.g. {@code CNY} for
 * Volcengine, {@code USD} for BytePlus). Immutable. A model without an entry has no money estimate.
 */
public record PriceTable(String currency, Map<String, ModelPrice> prices) {

  public PriceTable {
    Objects.requireNonNull(currency, "currency");
    prices = Map.copyOf(prices);
  }

  /** No prices configured: estimates carry tokens only. */
  public static PriceTable none() {
    return new PriceTable("", Map.of());
  }

  public Optional<ModelPrice> priceOf(String modelId) {
    return Optional.ofNullable(prices.get(modelId));
  }
}
