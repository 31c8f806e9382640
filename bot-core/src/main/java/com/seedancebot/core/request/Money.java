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

  /** The amount as shown to people: two decimals, half up ({@code 10.02}). */
  public String shown() {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  /** The sum of this and {@code other}, in this currency. */
  public Money plus(Money other) {
    return new Money(amount.add(other.amount), currency);
  }
}
