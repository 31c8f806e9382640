package com.seedancebot.core.job;

import java.util.Objects;

/**
 * The stored outcome of a succeeded job: the video (and last frame) now in the bot's asset store,
 * and what the provider reported about it.
 */
public record JobResult(
    String videoAssetId,
    String lastFrameAssetId,
    long sizeBytes,
    int width,
    int height,
    double durationSeconds,
    Long seed,
    Long usageTokens) {
  public JobResult {
    Objects.requireNonNull(videoAssetId, "videoAssetId");
  }
}
