package com.seedancebot.core.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a sample. */
final class Percentiles {

  private Percentiles() {}

  /** The {@code p}-th percentile (0 < p ≤ 100) by nearest rank, NaN for an empty sample. */
  static double of(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
  }

  static double of(Collection<? extends Number> values, double p) {
    return of(values.stream().mapToDouble(Number::doubleValue).toArray(), p);
  }

  static double median(double[] values) {
    return of(values, 50);
  }
}
