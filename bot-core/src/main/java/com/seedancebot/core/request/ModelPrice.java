package com.seedancebot.core.request;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one model costs per million tokens (configuration, never code). The standard price applies
 * unless the request has a reference video and {@code withReferenceVideo} is set, or generates no
 * sound and {@code withoutAudio} is set, in that order (PROVIDERS.md: 2.0 is 46, 28 with a
 * reference video; 1.5 pro 16, 8 silent).
 *
 * @param perMillionTokens the standard price
 * @param withoutAudio the price of a silent video, or {@code null} when the same
 * @param withReferenceVideo the price when the input has a reference video, or {@code null}
 */
public record ModelPrice(
    BigDecimal perMillionTokens, BigDecimal withoutAudio, BigDecimal withReferenceVideo) {

  public ModelPrice {
    Objects.requireNonNull(perMillionTokens, "perMillionTokens");
  }

  /** A model with one price whatever the request. */
  public static ModelPrice flat(BigDecimal perMillionTokens) {
    return new ModelPrice(perMillionTokens, null, null);
  }

  /** The price per million tokens for a request with these properties. */
  public BigDecimal perMillion(boolean audio, boolean referenceVideo) {
    if (referenceVideo && withReferenceVideo != null) {
      return withReferenceVideo;
    }
    if (!audio && withoutAudio != null) {
      return withoutAudio;
    }
    return perMillionTokens;
  }
}
