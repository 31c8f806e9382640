package com.seedancebot.core.request;

import java.util.List;
import java.util.Objects;

/**
 * A platform-neutral request to generate one video. Optional settings are {@code null} when the
 * user did not choose them; the model's defaults then apply (see {@link #withDefaults}).
 *
 * @param modelId catalogue model id (never an alias)
 * @param prompt the text prompt, may be empty when media drives the video
 * @param durationSeconds 1..15, or -1 for "model chooses"; null = model default
 * @param ratio e.g. {@code 16:9}, {@code adaptive}; null = model default
 * @param resolution {@code 480p}, {@code 720p} or {@code 1080p}; null = model default
 * @param generateAudio null = model default
 * @param seed null = random
 * @param returnLastFrame ask the provider for the last frame (for chaining)
 * @param watermark ask the provider for a watermark
 * @param webSearch enable the provider's web search tool
 * @param media frames and references, in the order the user gave them
 */
public record GenerationRequest(
    String modelId,
    String prompt,
    Integer durationSeconds,
    String ratio,
    String resolution,
    Boolean generateAudio,
    Long seed,
    boolean returnLastFrame,
    boolean watermark,
    boolean webSearch,
    List<MediaInput> media) {

  /** Longest prompt any family accepts. */
  public static final int MAX_PROMPT_CHARS = 4000;

  public GenerationRequest {
    Objects.requireNonNull(modelId, "modelId");
    prompt = prompt == null ? "" : prompt.strip();
    media = media == null ? List.of() : List.copyOf(media);
  }

  /** The inputs of one kind and role, in order. */
  public List<MediaInput> media(MediaKind kind, MediaRole role) {
    return media.stream().filter(m -> m.kind() == kind && m.role() == role).toList();
  }

  /**
   * This request with every unset option replaced by the model's default (the ratio default depends
   * on whether media is attached: 1.0 models use {@code 16:9} for text and {@code adaptive} for
   * images).
   */
  public GenerationRequest withDefaults(Capabilities caps) {
    return new GenerationRequest(
        modelId,
        prompt,
        durationSeconds != null ? durationSeconds : caps.defaultDuration(),
        ratio != null ? ratio : caps.defaultRatio(!media.isEmpty()),
        resolution != null ? resolution : caps.defaultResolution(),
        generateAudio != null ? generateAudio : caps.audio() && caps.defaultAudio(),
        seed,
        returnLastFrame,
        watermark,
        webSearch,
        media);
  }

  /** A copy with a different seed (Reroll). */
  public GenerationRequest withSeed(Long newSeed) {
    return new GenerationRequest(
        modelId,
        prompt,
        durationSeconds,
        ratio,
        resolution,
        generateAudio,
        newSeed,
        returnLastFrame,
        watermark,
        webSearch,
        media);
  }
}
