package com.seedancebot.core.request;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Lists accepted option values in the order users read them (for messages and {@code /models}). */
public final class OptionOrder {

  private static final List<String> RATIO_ORDER =
      List.of("16:9", "9:16", "1:1", "4:3", "3:4", "21:9", "adaptive");

  private OptionOrder() {}

  /** Ratios, landscape first, {@code adaptive} last, comma-separated. */
  public static String ratios(Set<String> ratios) {
    return ratios.stream()
        .sorted(
            Comparator.comparingInt(
                    (String r) -> RATIO_ORDER.contains(r) ? RATIO_ORDER.indexOf(r) : 99)
                .thenComparing(Comparator.naturalOrder()))
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
  }

  /** Resolutions from lowest to highest, comma-separated. */
  public static String resolutions(Set<String> resolutions) {
    return resolutions.stream()
        .sorted(
            Comparator.comparingInt(OptionOrder::lines).thenComparing(Comparator.naturalOrder()))
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
  }

  private static int lines(String resolution) {
    String digits = resolution.replaceAll("\\D", "");
    return digits.isEmpty() || digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
  }
}
