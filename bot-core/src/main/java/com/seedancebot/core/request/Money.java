package com.seedancebot.core.request;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount in a currency (ISO code as configured, e.g. {@code CNY}). */
public record Money(BigDecimal amount, String currency) {
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
  }
}
