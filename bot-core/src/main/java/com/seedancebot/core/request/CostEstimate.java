package com.seedancebot.core.request;

import java.util.Objects;
import java.util.Optional;

/**
 * What one request is expected to cost if it succeeds (only succeeded tasks are billed).
 *
 * @param size the output pixel size assumed
 * @param seconds the seconds assumed (the model's longest for {@code -1})
 * @param tokens tokens billed, W × H × (24 × seconds + 1) / 1024, rounded up
 * @param cost the money, or {@code null} when no price is configured for the model
 */
public record CostEstimate(OutputSize size, int seconds, long tokens, Money cost) {
  public CostEstimate {
    Objects.requireNonNull(size, "size");
  }

  public Optional<Money> money() {
    return Optional.ofNullable(cost);
  }
}
