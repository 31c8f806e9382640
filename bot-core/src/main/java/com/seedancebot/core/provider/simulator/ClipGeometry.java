package com.seedancebot.core.provider.simulator;

import java.util.List;
import java.util.Map;

/**
 * Aspect ratios and picture sizes of simulated clips: the ratio an {@code adaptive} request
 * resolves to, the reduced size the simulator renders at, and the nominal size Ark would deliver
 * (which Ark bills for). Stateless.
 */
final class ClipGeometry {

  /** Every fixed ratio Ark offers. */
  static final List<String> RATIOS = List.of("16:9", "4:3", "1:1", "3:4", "9:16", "21:9");

  /** Ark 1.5 / 2.0 output sizes (PROVIDERS.md, "Output sizes and cost"). */
  private static final Map<String, Map<String, PixelSize>> NOMINAL =
      Map.of(
          "480p",
          Map.of(
              "16:9", new PixelSize(864, 496),
              "4:3", new PixelSize(752, 560),
              "1:1", new PixelSize(640, 640),
              "3:4", new PixelSize(560, 752),
              "9:16", new PixelSize(496, 864),
              "21:9", new PixelSize(992, 432)),
          "720p",
          Map.of(
              "16:9", new PixelSize(1280, 720),
              "4:3", new PixelSize(1112, 834),
              "1:1", new PixelSize(960, 960),
              "3:4", new PixelSize(834, 1112),
              "9:16", new PixelSize(720, 1280),
              "21:9", new PixelSize(1470, 630)),
          "1080p",
          Map.of(
              "16:9", new PixelSize(1920, 1080),
              "4:3", new PixelSize(1664, 1248),
              "1:1", new PixelSize(1440, 1440),
              "3:4", new PixelSize(1248, 1664),
              "9:16", new PixelSize(1080, 1920),
              "21:9", new PixelSize(2206, 946)));

  private ClipGeometry() {}

  /**
   * The fixed ratio a request gets: the requested one, or for {@code adaptive} the fixed ratio
   * closest to the first frame's shape (16:9 when there is no first frame or its size is unknown).
   */
  static String resolveRatio(String requested, Integer imageWidth, Integer imageHeight) {
    if (!"adaptive".equals(requested)) {
      return requested;
    }
    if (imageWidth == null || imageHeight == null || imageWidth < 1 || imageHeight < 1) {
      return "16:9";
    }
    double wanted = Math.log((double) imageWidth / imageHeight);
    String best = "16:9";
    double bestDistance = Double.MAX_VALUE;
    for (String ratio : RATIOS) {
      double distance = Math.abs(Math.log(value(ratio)) - wanted);
      if (distance < bestDistance) {
        best = ratio;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** The size to render a fixed ratio at: the long side as given, both sides even. */
  static PixelSize renderSize(String ratio, int longSide) {
    double value = value(ratio);
    int even = longSide - longSide % 2;
    if (value >= 1) {
      return new PixelSize(even, evenAtLeastTwo(even / value));
    }
    return new PixelSize(evenAtLeastTwo(even * value), even);
  }

  /** The size Ark would deliver for a fixed ratio and resolution. */
  static PixelSize nominalSize(String ratio, String resolution) {
    PixelSize size = NOMINAL.getOrDefault(resolution, Map.of()).get(ratio);
    if (size == null) {
      throw new IllegalArgumentException("no output size for " + ratio + " at " + resolution);
    }
    return size;
  }

  /** Ark's bill: W × H × (24 × seconds + 1) / 1024, rounded down. */
  static long usageTokens(PixelSize nominal, int seconds) {
    return (long) nominal.width() * nominal.height() * (24L * seconds + 1) / 1024;
  }

  private static double value(String ratio) {
    int colon = ratio.indexOf(':');
    return Double.parseDouble(ratio.substring(0, colon))
        / Double.parseDouble(ratio.substring(colon + 1));
  }

  private static int evenAtLeastTwo(double pixels) {
    return Math.max(2, 2 * (int) Math.round(pixels / 2));
  }
}
