package com.seedancebot.core.governance;

import java.time.Duration;
import java.util.Objects;

/**
 * How many of a user's prompts the provider may refuse for content within 24 hours before each
 * further refusal makes them wait {@code cooldown} before starting a new video. A limit of 0 or
 * less turns the cooldown off.
 */
public record RefusalLimits(int perDay, Duration cooldown) {
  public RefusalLimits {
    Objects.requireNonNull(cooldown, "cooldown");
    perDay = Math.max(0, perDay);
    if (cooldown.isNegative()) {
      throw new IllegalArgumentException("cooldown must not be negative: " + cooldown);
    }
  }

  /** No cooldown. */
  public static RefusalLimits off() {
    return new RefusalLimits(0, Duration.ZERO);
  }

  public boolean enabled() {
    return perDay > 0 && !cooldown.isZero();
  }
}
