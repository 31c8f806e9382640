package com.seedancebot.core.request;

import java.util.Map;

/**
 * The pixel size of a generated video, from PROVIDERS.md's table (the 1.0 series renders slightly
 * different sizes from 1.5 and 2.0). {@code adaptive} follows the input, so an estimate assumes
 * 16:9.
 */
public record OutputSize(int width, int height) {

  private static final Map<String, OutputSize[]> V1_0 =
      Map.of(
          "16:9", sizes(864, 480, 1248, 704, 1920, 1088),
          "4:3", sizes(736, 544, 1120, 832, 1664, 1248),
          "1:1", sizes(640, 640, 960, 960, 1440, 1440),
          "3:4", sizes(544, 736, 832, 1120, 1248, 1664),
          "9:16", sizes(480, 864, 704, 1248, 1088, 1920),
          "21:9", sizes(960, 416, 1504, 640, 2176, 928));
  private static final Map<String, OutputSize[]> V1_5_AND_2_0 =
      Map.of(
          "16:9", sizes(864, 496, 1280, 720, 1920, 1080),
          "4:3", sizes(752, 560, 1112, 834, 1664, 1248),
          "1:1", sizes(640, 640, 960, 960, 1440, 1440),
          "3:4", sizes(560, 752, 834, 1112, 1248, 1664),
          "9:16", sizes(496, 864, 720, 1280, 1080, 1920),
          "21:9", sizes(992, 432, 1470, 630, 2206, 946));

  public OutputSize {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("sizes are positive");
    }
  }

  /**
   * The size a model of {@code series} renders for {@code ratio} and {@code resolution}.
   *
   * @throws IllegalArgumentException for a ratio or resolution outside the table
   */
  public static OutputSize of(ModelSeries series, String ratio, String resolution) {
    Map<String, OutputSize[]> table =
        switch (series) {
          case SEEDANCE_1_0 -> V1_0;
          case SEEDANCE_1_5, SEEDANCE_2_0 -> V1_5_AND_2_0;
        };
    OutputSize[] byResolution = table.get("adaptive".equals(ratio) ? "16:9" : ratio);
    if (byResolution == null) {
      throw new IllegalArgumentException("unknown ratio " + ratio);
    }
    return switch (resolution) {
      case "480p" -> byResolution[0];
      case "720p" -> byResolution[1];
      case "1080p" -> byResolution[2];
      default -> throw new IllegalArgumentException("unknown resolution " + resolution);
    };
  }

  public long pixels() {
    return (long) width * height;
  }

  private static OutputSize[] sizes(int w480, int h480, int w720, int h720, int w1080, int h1080) {
    return new OutputSize[] {
      new OutputSize(w480, h480), new OutputSize(w720, h720), new OutputSize(w1080, h1080)
    };
  }
}
