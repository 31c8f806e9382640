package com.seedancebot.core.request;

import java.util.Objects;
import java.util.Set;

/**
 * What one model accepts, straight from PROVIDERS.md. The validator checks requests against these
 * limits before anything is spent; nothing here is a guess about the provider's behaviour.
 *
 * @param minDuration shortest clip in seconds
 * @param maxDuration longest clip in seconds
 * @param autoDuration whether {@code -1} ("model chooses") is accepted
 * @param defaultDuration duration when the user gives none
 * @param ratios accepted aspect ratios, including {@code adaptive} where allowed
 * @param defaultRatio ratio when the user gives none
 * @param resolutions accepted resolutions
 * @param defaultResolution resolution when the user gives none
 * @param audio whether the model can generate sound
 * @param defaultAudio whether sound is on when the user says nothing (only if {@code audio})
 * @param textToVideo whether a prompt alone (no media) is accepted
 * @param firstFrame whether a first-frame image is accepted
 * @param lastFrame whether a last-frame image is accepted (always with a first frame)
 * @param maxReferenceImages 0 when reference images are not supported
 * @param maxReferenceVideos 0 when reference videos are not supported
 * @param maxReferenceAudios 0 when reference audio is not supported
 * @param requiresReferenceVideo the model only works with at least one reference video
 * @param promptRequired a prompt is needed even when media is given
 * @param assetIds whether {@code asset://} ids are accepted
 * @param webSearch whether the web search tool is available (text-only input)
 */
public record Capabilities(
    int minDuration,
    int maxDuration,
    boolean autoDuration,
    int defaultDuration,
    Set<String> ratios,
    String defaultRatio,
    Set<String> resolutions,
    String defaultResolution,
    boolean audio,
    boolean defaultAudio,
    boolean textToVideo,
    boolean firstFrame,
    boolean lastFrame,
    int maxReferenceImages,
    int maxReferenceVideos,
    int maxReferenceAudios,
    boolean requiresReferenceVideo,
    boolean promptRequired,
    boolean assetIds,
    boolean webSearch) {

  /** Total seconds of reference video, and of reference audio, any model accepts. */
  public static final int MAX_REFERENCE_SECONDS = 15;

  public Capabilities {
    if (minDuration < 1 || maxDuration < minDuration) {
      throw new IllegalArgumentException("bad duration range");
    }
    ratios = Set.copyOf(ratios);
    resolutions = Set.copyOf(resolutions);
    Objects.requireNonNull(defaultRatio, "defaultRatio");
    Objects.requireNonNull(defaultResolution, "defaultResolution");
  }

  /** Whether the model takes reference inputs of any kind. */
  public boolean references() {
    return maxReferenceImages + maxReferenceVideos + maxReferenceAudios > 0;
  }
}
