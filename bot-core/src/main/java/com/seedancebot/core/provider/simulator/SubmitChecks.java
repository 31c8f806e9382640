package com.seedancebot.core.provider.simulator;

import com.seedancebot.core.provider.ProviderException;
import java.time.Duration;
import java.util.Set;

/**
 * The parameter checks Ark makes on create, with Ark's error codes: unset values get the 2.0
 * defaults ({@code adaptive}, {@code 720p}, 5 s), wrong ones are refused with {@code
 * InvalidParameter}. Stateless.
 */
final class SubmitChecks {

  private static final Set<String> RATIOS =
      Set.of("16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "adaptive");
  private static final Set<String> RESOLUTIONS = Set.of("480p", "720p", "1080p");
  private static final int DEFAULT_SECONDS = 5;

  private SubmitChecks() {}

  /** 1..15 s, or -1 / unset, which become 5 s. */
  static int duration(Integer seconds) {
    if (seconds == null || seconds == -1) {
      return DEFAULT_SECONDS;
    }
    if (seconds < 1 || seconds > 15) {
      throw invalid("duration", "must be within 1..15 or -1, was " + seconds);
    }
    return seconds;
  }

  static String ratio(String ratio) {
    if (ratio == null) {
      return "adaptive";
    }
    if (!RATIOS.contains(ratio)) {
      throw invalid("ratio", "is not one of " + RATIOS + ": " + ratio);
    }
    return ratio;
  }

  static String resolution(String resolution) {
    if (resolution == null) {
      return "720p";
    }
    if (!RESOLUTIONS.contains(resolution)) {
      throw invalid("resolution", "is not one of " + RESOLUTIONS + ": " + resolution);
    }
    return resolution;
  }

  private static ProviderException invalid(String param, String problem) {
    return new ProviderException(
        ProviderException.Kind.INVALID_REQUEST,
        "InvalidParameter",
        "The parameter `" + param + "` specified in the request is not valid: " + problem,
        (Duration) null);
  }
}
