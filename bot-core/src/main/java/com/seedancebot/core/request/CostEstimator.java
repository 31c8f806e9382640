package com.seedancebot.core.request;

import static com.seedancebot.core.request.MediaKind.VIDEO;
import static com.seedancebot.core.request.MediaRole.REFERENCE;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Estimates the tokens (and, when a price is configured, the money) a request will be billed,
 * before it is sent: tokens = W × H × (24 × seconds + 1) / 1024 with the output size of
 * PROVIDERS.md's table, {@code adaptive} taken as 16:9 and {@code -1} seconds as the model's
 * longest. Unset options take the model's defaults (a draft is 480p). Offline inference ({@code
 * flex}) is billed at {@link #FLEX_PRICE_FACTOR} of the configured price (Volcengine bills offline
 * inference at half the online price). Expects a request the validator accepted. Stateless and
 * thread-safe.
 */
public final class CostEstimator {

  /** Output frames per second of every Seedance model. */
  public static final int FRAMES_PER_SECOND = 24;

  /** The share of the online price that offline ({@code service_tier=flex}) inference costs. */
  public static final BigDecimal FLEX_PRICE_FACTOR = new BigDecimal("0.5");

  private final PriceTable prices;

  public CostEstimator(PriceTable prices) {
    this.prices = Objects.requireNonNull(prices, "prices");
  }

  /** An estimator without prices: tokens only. */
  public CostEstimator() {
    this(PriceTable.none());
  }

  public CostEstimate estimate(GenerationRequest request, ModelSpec model) {
    Capabilities caps = model.capabilities();
    GenerationRequest full = request.withDefaults(caps);
    int seconds = full.durationSeconds() == -1 ? caps.maxDuration() : full.durationSeconds();
    OutputSize size = OutputSize.of(model.series(), full.ratio(), full.resolution());
    long tokens = tokens(size, seconds);
    return new CostEstimate(size, seconds, tokens, costOf(full, tokens).orElse(null));
  }

  /**
   * What {@code tokens} cost for a request (its model's price, with its audio and reference video
   * taken into account; the model's defaults must already be applied), or empty without a price.
   */
  public Optional<Money> costOf(GenerationRequest full, long tokens) {
    boolean referenceVideo = !full.media(VIDEO, REFERENCE).isEmpty();
    return prices
        .priceOf(full.modelId())
        .map(p -> p.perMillion(Boolean.TRUE.equals(full.generateAudio()), referenceVideo))
        .map(p -> full.flex() ? p.multiply(FLEX_PRICE_FACTOR) : p)
        .map(
            p ->
                new Money(
                    BigDecimal.valueOf(tokens).multiply(p).movePointLeft(6), prices.currency()));
  }

  /** The configured currency, blank without prices. */
  public String currency() {
    return prices.currency();
  }

  /** Tokens billed for a clip of this size and length, rounded up to a whole token. */
  public static long tokens(OutputSize size, int seconds) {
    long units = size.pixels() * (FRAMES_PER_SECOND * (long) seconds + 1);
    return (units + 1023) / 1024;
  }
}
