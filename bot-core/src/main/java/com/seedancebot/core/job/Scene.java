package com.seedancebot.core.job;

/**
 * A job's place in a storyboard: scene {@code index} (1-based) of {@code count}, in the storyboard
 * {@code storyId} (the storyboard's own id, which no job has).
 */
public record Scene(String storyId, int index, int count) {
  public Scene {
    java.util.Objects.requireNonNull(storyId, "storyId");
    if (index < 1 || index > count) {
      throw new IllegalArgumentException("scene " + index + " of " + count);
    }
  }

  /** Whether this is the storyboard's last scene. */
  public boolean last() {
    return index == count;
  }
}
