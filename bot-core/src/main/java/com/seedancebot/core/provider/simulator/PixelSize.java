package com.seedancebot.core.provider.simulator;

/** A width and height in pixels, both positive. */
record PixelSize(int width, int height) {
  PixelSize {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("sizes must be positive: " + width + "x" + height);
    }
  }
}
