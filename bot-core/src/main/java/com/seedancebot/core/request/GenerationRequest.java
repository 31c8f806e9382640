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
 * @param postLastFrame the user asked ({@code --last-frame}) to get the last frame as an image next
 *     to the video
 * @param draft ask for a cheap draft preview (models with draft mode; rendered at 480p)
 * @param flex ask for offline inference ({@code service_tier=flex}: slower, cheaper)
 * @param draftTaskId the provider task id of a draft this request renders in full (the Final
 *     button), or null; such a request sends no prompt or media of its own
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
    List<MediaInput> media,
    boolean postLastFrame,
    boolean draft,
    boolean flex,
    String draftTaskId) {

  /** Longest prompt any family accepts. */
  public static final int MAX_PROMPT_CHARS = 4000;

  /** The one resolution draft previews are rendered at (Ark's draft mode). */
  public static final String DRAFT_RESOLUTION = "480p";

  public GenerationRequest {
    Objects.requireNonNull(modelId, "modelId");
    prompt = prompt == null ? "" : prompt.strip();
    media = media == null ? List.of() : List.copyOf(media);
    draftTaskId = draftTaskId == null || draftTaskId.isBlank() ? null : draftTaskId;
  }

  /** A plain request: no posted last frame, no draft, online inference. */
  public GenerationRequest(
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
    this(
        modelId,
        prompt,
        durationSeconds,
        ratio,
        resolution,
        generateAudio,
        seed,
        returnLastFrame,
        watermark,
        webSearch,
        media,
        false,
        false,
        false,
        null);
  }

  /**
   * This request with other generation modes (posted last frame, draft, flex, final of a draft).
   */
  public GenerationRequest withModes(
      boolean postLastFrame, boolean draft, boolean flex, String draftTaskId) {
    return new GenerationRequest(
        modelId,
        prompt,
        durationSeconds,
        ratio,
        resolution,
        generateAudio,
        seed,
        returnLastFrame,
        watermark,
        webSearch,
        media,
        postLastFrame,
        draft,
        flex,
        draftTaskId);
  }

  /** Whether this request renders a draft in full instead of generating from its own inputs. */
  public boolean fromDraft() {
    return draftTaskId != null;
  }

  /** The inputs of one kind and role, in order. */
  public List<MediaInput> media(MediaKind kind, MediaRole role) {
    return media.stream().filter(m -> m.kind() == kind && m.role() == role).toList();
  }

  /**
   * This request with every unset option replaced by the model's default (the ratio default depends
   * on whether media is attached: 1.0 models use {@code 16:9} for text and {@code adaptive} for
   * images; a draft is rendered at {@link #DRAFT_RESOLUTION}).
   */
  public GenerationRequest withDefaults(Capabilities caps) {
    return new GenerationRequest(
        modelId,
        prompt,
        durationSeconds != null ? durationSeconds : caps.defaultDuration(),
        ratio != null ? ratio : caps.defaultRatio(!media.isEmpty()),
        resolution != null ? resolution : draft ? DRAFT_RESOLUTION : caps.defaultResolution(),
        generateAudio != null ? generateAudio : caps.audio() && caps.defaultAudio(),
        seed,
        returnLastFrame,
        watermark,
        webSearch,
        media,
        postLastFrame,
        draft,
        flex,
        draftTaskId);
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
        media,
        postLastFrame,
        draft,
        flex,
        draftTaskId);
  }
}
