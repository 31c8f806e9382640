package com.seedancebot.core.provider.fake;

import java.util.Map;

/**
 * Output pixel sizes of Seedance 1.5 / 2.0 (PROVIDERS.md) and the token bill they imply: W × H ×
 * (24 × seconds + 1) / 1024.
 */
final class ArkOutputSizes {

  private static final Map<String, int[]> SIZES =
      Map.ofEntries(
          Map.entry("480p 16:9", new int[] {864, 496}),
          Map.entry("480p 4:3", new int[] {752, 560}),
          Map.entry("480p 1:1", new int[] {640, 640}),
          Map.entry("480p 3:4", new int[] {560, 752}),
          Map.entry("480p 9:16", new int[] {496, 864}),
          Map.entry("480p 21:9", new int[] {992, 432}),
          Map.entry("720p 16:9", new int[] {1280, 720}),
          Map.entry("720p 4:3", new int[] {1112, 834}),
          Map.entry("720p 1:1", new int[] {960, 960}),
          Map.entry("720p 3:4", new int[] {834, 1112}),
          Map.entry("720p 9:16", new int[] {720, 1280}),
          Map.entry("720p 21:9", new int[] {1470, 630}),
          Map.entry("1080p 16:9", new int[] {1920, 1080}),
          Map.entry("1080p 4:3", new int[] {1664, 1248}),
          Map.entry("1080p 1:1", new int[] {1440, 1440}),
          Map.entry("1080p 3:4", new int[] {1248, 1664}),
          Map.entry("1080p 9:16", new int[] {1080, 1920}),
          Map.entry("1080p 21:9", new int[] {2206, 946}));

  private ArkOutputSizes() {}

  static long tokens(String resolution, String ratio, long seconds) {
    int[] wh = SIZES.getOrDefault(resolution + " " + ratio, new int[] {1280, 720});
    return (long) wh[0] * wh[1] * (24 * seconds + 1) / 1024;
  }
}
