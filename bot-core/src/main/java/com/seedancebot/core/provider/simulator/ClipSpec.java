package com.seedancebot.core.provider.simulator;

import java.util.Objects;

/**
 * What a simulated clip shows and how it is encoded.
 *
 * @param width pixels, even
 * @param height pixels, even
 * @param framesPerSecond 1..60
 * @param durationSeconds 1..60; the clip has exactly {@code durationSeconds × framesPerSecond}
 *     frames
 * @param title a short caption drawn at the top (e.g. the task id)
 * @param prompt the text drawn in the middle, wrapped; may be empty
 * @param seed varies the colours, so that a reroll looks different
 */
public record ClipSpec(
    int width,
    int height,
    int framesPerSecond,
    int durationSeconds,
    String title,
    String prompt,
    long seed) {

  public ClipSpec {
    if (width < 2 || height < 2 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException("width and height must be even and >= 2");
    }
    if (framesPerSecond < 1 || framesPerSecond > 60) {
      throw new IllegalArgumentException("framesPerSecond must be within 1..60");
    }
    if (durationSeconds < 1 || durationSeconds > 60) {
      throw new IllegalArgumentException("durationSeconds must be within 1..60");
    }
    title = Objects.requireNonNullElse(title, "");
    prompt = Objects.requireNonNullElse(prompt, "");
  }

  /** How many frames the clip has. */
  public int frameCount() {
    return framesPerSecond * durationSeconds;
  }
}
