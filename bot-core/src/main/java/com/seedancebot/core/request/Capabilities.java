package com.seedancebot.core.request;

import java.util.Objects;
import java.util.Set;

/**
 * What one model accepts, straight from PROVIDERS.md. The validator checks requests against these
 * limits before anything is spent; nothing here is a guess about the provider's behaviour.
 *
 * <p>Frames (first, first+last) and references always exclude each other, on every family, so that
 * rule is not a capability. A model that takes no resolution parameter (GlobalAiOpc) lists the one
 * resolution the cost estimate assumes; a model that takes no seed has {@code seed == false} and
 * must be sent none (Reroll then simply resubmits).
 *
 * @param minDuration shortest clip in seconds
 * @param maxDuration longest clip in seconds
 * @param autoDuration whether {@code -1} ("model chooses") is accepted
 * @param defaultDuration duration when the user gives none
 * @param ratios accepted aspect ratios, including {@code adaptive} where allowed
 * @param defaultRatio ratio when the user gives none and sends no media
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
 * @param seed whether the model takes a seed at all
 * @param referenceImageResolutions output resolutions at which reference images are accepted (a
 *     subset of {@code resolutions}; 1.0 series reference mode has no 1080p)
 * @param mediaDefaultRatio ratio when the user gives none but sends media (1.0: {@code adaptive}
 *     for image-to-video, {@code 16:9} for text-to-video)
 * @param draft whether the model offers draft mode (a cheap 480p preview that can be rendered in
 *     full afterwards; Ark 1.5 pro)
 * @param flex whether the model offers offline inference ({@code service_tier=flex}; Ark 1.x)
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
    boolean webSearch,
    boolean seed,
    Set<String> referenceImageResolutions,
    String mediaDefaultRatio,
    boolean draft,
    boolean flex) {

  /** Total seconds of reference video, and of reference audio, any model accepts. */
  public static final int MAX_REFERENCE_SECONDS = 15;

  public Capabilities {
    if (minDuration < 1 || maxDuration < minDuration) {
      throw new IllegalArgumentException("bad duration range");
    }
    if (defaultDuration < minDuration || defaultDuration > maxDuration) {
      throw new IllegalArgumentException("default duration outside the range");
    }
    ratios = Set.copyOf(ratios);
    resolutions = Set.copyOf(resolutions);
    Objects.requireNonNull(defaultRatio, "defaultRatio");
    Objects.requireNonNull(defaultResolution, "defaultResolution");
    if (!ratios.contains(defaultRatio) || !resolutions.contains(defaultResolution)) {
      throw new IllegalArgumentException("defaults must be among the accepted values");
    }
    referenceImageResolutions =
        referenceImageResolutions == null ? resolutions : Set.copyOf(referenceImageResolutions);
    mediaDefaultRatio = mediaDefaultRatio == null ? defaultRatio : mediaDefaultRatio;
    if (!ratios.contains(mediaDefaultRatio)) {
      throw new IllegalArgumentException("mediaDefaultRatio must be an accepted ratio");
    }
  }

  /**
   * The original twenty-component form: the model takes a seed, reference images at every
   * resolution, and the same default ratio with or without media; no draft mode, no offline
   * inference.
   */
  public Capabilities(
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
    this(
        minDuration,
        maxDuration,
        autoDuration,
        defaultDuration,
        ratios,
        defaultRatio,
        resolutions,
        defaultResolution,
        audio,
        defaultAudio,
        textToVideo,
        firstFrame,
        lastFrame,
        maxReferenceImages,
        maxReferenceVideos,
        maxReferenceAudios,
        requiresReferenceVideo,
        promptRequired,
        assetIds,
        webSearch,
        true,
        null,
        null,
        false,
        false);
  }

  /** Whether the model takes reference inputs of any kind. */
  public boolean references() {
    return maxReferenceImages + maxReferenceVideos + maxReferenceAudios > 0;
  }

  /** The default ratio for a request with or without media. */
  public String defaultRatio(boolean withMedia) {
    return withMedia ? mediaDefaultRatio : defaultRatio;
  }

  /** A builder starting from no capability at all (durations 5..5, 16:9, 720p). */
  public static CapabilitiesBuilder builder() {
    return new CapabilitiesBuilder();
  }

  /** A builder starting from these capabilities, to derive a variant. */
  public CapabilitiesBuilder toBuilder() {
    return new CapabilitiesBuilder(this);
  }
}
