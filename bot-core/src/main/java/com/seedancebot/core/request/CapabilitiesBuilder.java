package com.seedancebot.core.request;

import java.util.Set;

/**
 * Builds a {@link Capabilities} by name rather than by twenty-odd positions; used by the catalogue
 * to describe a model and derive its variants. Not thread-safe; {@link #build()} validates.
 */
public final class CapabilitiesBuilder {

  private int minDuration = 5;
  private int maxDuration = 5;
  private boolean autoDuration;
  private int defaultDuration = 5;
  private Set<String> ratios = Set.of("16:9");
  private String defaultRatio = "16:9";
  private String mediaDefaultRatio;
  private Set<String> resolutions = Set.of("720p");
  private String defaultResolution = "720p";
  private Set<String> referenceImageResolutions;
  private boolean audio;
  private boolean defaultAudio;
  private boolean textToVideo;
  private boolean firstFrame;
  private boolean lastFrame;
  private int maxReferenceImages;
  private int maxReferenceVideos;
  private int maxReferenceAudios;
  private boolean requiresReferenceVideo;
  private boolean promptRequired;
  private boolean assetIds;
  private boolean webSearch;
  private boolean seed = true;
  private boolean draft;
  private boolean flex;

  CapabilitiesBuilder() {}

  CapabilitiesBuilder(Capabilities c) {
    minDuration = c.minDuration();
    maxDuration = c.maxDuration();
    autoDuration = c.autoDuration();
    defaultDuration = c.defaultDuration();
    ratios = c.ratios();
    defaultRatio = c.defaultRatio();
    mediaDefaultRatio = c.mediaDefaultRatio();
    resolutions = c.resolutions();
    defaultResolution = c.defaultResolution();
    referenceImageResolutions = c.referenceImageResolutions();
    audio = c.audio();
    defaultAudio = c.defaultAudio();
    textToVideo = c.textToVideo();
    firstFrame = c.firstFrame();
    lastFrame = c.lastFrame();
    maxReferenceImages = c.maxReferenceImages();
    maxReferenceVideos = c.maxReferenceVideos();
    maxReferenceAudios = c.maxReferenceAudios();
    requiresReferenceVideo = c.requiresReferenceVideo();
    promptRequired = c.promptRequired();
    assetIds = c.assetIds();
    webSearch = c.webSearch();
    seed = c.seed();
    draft = c.draft();
    flex = c.flex();
  }

  /** Duration range, whether -1 is accepted, and the default. */
  public CapabilitiesBuilder durations(int min, int max, boolean auto, int byDefault) {
    minDuration = min;
    maxDuration = max;
    autoDuration = auto;
    defaultDuration = byDefault;
    return this;
  }

  /** Accepted ratios and the default without and with media. */
  public CapabilitiesBuilder ratios(Set<String> accepted, String byDefault, String withMedia) {
    ratios = accepted;
    defaultRatio = byDefault;
    mediaDefaultRatio = withMedia;
    return this;
  }

  /** Accepted resolutions and the default; reference images are allowed at all of them. */
  public CapabilitiesBuilder resolutions(Set<String> accepted, String byDefault) {
    resolutions = accepted;
    defaultResolution = byDefault;
    referenceImageResolutions = accepted;
    return this;
  }

  /** Narrows the resolutions at which reference images are accepted. */
  public CapabilitiesBuilder referenceImageResolutions(Set<String> accepted) {
    referenceImageResolutions = accepted;
    return this;
  }

  /** Whether sound can be generated, and whether it is on by default. */
  public CapabilitiesBuilder audio(boolean supported, boolean byDefault) {
    audio = supported;
    defaultAudio = supported && byDefault;
    return this;
  }

  /** Which frame modes are accepted: prompt alone, first frame, first and last frame. */
  public CapabilitiesBuilder modes(boolean textOnly, boolean first, boolean last) {
    textToVideo = textOnly;
    firstFrame = first;
    lastFrame = last;
    return this;
  }

  /** How many reference images, videos and audio clips are accepted (0 = none). */
  public CapabilitiesBuilder references(int images, int videos, int audios) {
    maxReferenceImages = images;
    maxReferenceVideos = videos;
    maxReferenceAudios = audios;
    return this;
  }

  public CapabilitiesBuilder requiresReferenceVideo(boolean value) {
    requiresReferenceVideo = value;
    return this;
  }

  public CapabilitiesBuilder promptRequired(boolean value) {
    promptRequired = value;
    return this;
  }

  public CapabilitiesBuilder assetIds(boolean value) {
    assetIds = value;
    return this;
  }

  public CapabilitiesBuilder webSearch(boolean value) {
    webSearch = value;
    return this;
  }

  public CapabilitiesBuilder seed(boolean value) {
    seed = value;
    return this;
  }

  /** Whether the model offers draft mode and offline ({@code flex}) inference. */
  public CapabilitiesBuilder tiers(boolean draftMode, boolean offline) {
    draft = draftMode;
    flex = offline;
    return this;
  }

  public Capabilities build() {
    return new Capabilities(
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
        seed,
        referenceImageResolutions,
        mediaDefaultRatio,
        draft,
        flex);
  }
}
