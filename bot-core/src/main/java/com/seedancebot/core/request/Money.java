package com.seedancebot.core.request;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** An amount in a currency (ISO code as configured, e.g. {@code CNY}). */
public record Money(BigDecimal amount, String currency) {
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
  }

  /** The amount in millionths of the currency, rounded up (what quotas count in). */
  public long millionths() {
    return amount.movePointRight(6).setScale(0, RoundingMode.CEILING).longValueExact();
  }
}
