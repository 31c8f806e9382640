package com.seedancebot.core.chat;

import java.util.List;

/**
 * The options of a {@code /video} command as the user typed them; {@code null} means "not given".
 * The same names on every platform (text flags on Telegram and the playground, typed options on
 * Discord). {@code lastFrame} posts the video's last frame as an image next to it, {@code draft}
 * asks for a cheap preview with a Final button, {@code flex} for offline inference.
 */
public record VideoOptions(
    Integer duration,
    String ratio,
    String resolution,
    String model,
    Boolean audio,
    Long seed,
    boolean lastFrame,
    boolean ref,
    List<String> assetIds,
    boolean watermark,
    boolean webSearch,
    boolean draft,
    boolean flex) {

  public VideoOptions {
    assetIds = assetIds == null ? List.of() : List.copyOf(assetIds);
  }

  /** Options without draft mode or offline inference. */
  public VideoOptions(
      Integer duration,
      String ratio,
      String resolution,
      String model,
      Boolean audio,
      Long seed,
      boolean lastFrame,
      boolean ref,
      List<String> assetIds,
      boolean watermark,
      boolean webSearch) {
    this(
        duration,
        ratio,
        resolution,
        model,
        audio,
        seed,
        lastFrame,
        ref,
        assetIds,
        watermark,
        webSearch,
        false,
        false);
  }

  /** No options given. */
  public static VideoOptions none() {
    return new VideoOptions(
        null, null, null, null, null, null, false, false, List.of(), false, false);
  }
}
