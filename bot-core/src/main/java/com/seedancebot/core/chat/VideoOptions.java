package com.seedancebot.core.chat;

import java.util.List;

/**
 * The options of a {@code /video} command as the user typed them; {@code null} means "not given".
 * The same names on every platform (text flags on Telegram and the playground, typed options on
 * Discord).
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
    boolean webSearch) {

  public VideoOptions {
    assetIds = assetIds == null ? List.of() : List.copyOf(assetIds);
  }

  /** No options given. */
  public static VideoOptions none() {
    return new VideoOptions(
        null, null, null, null, null, null, false, false, List.of(), false, false);
  }
}
