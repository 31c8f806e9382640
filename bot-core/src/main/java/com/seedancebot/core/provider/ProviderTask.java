package com.seedancebot.core.provider;

import java.net.URI;
import java.util.Objects;

/**
 * A snapshot of one task at the provider. Result fields are set only when {@code state} is {@link
 * TaskState#SUCCEEDED}; {@code errorCode}/{@code errorMessage} only when it failed.
 *
 * @param taskId the provider's id
 * @param state mapped state
 * @param progress 0..100 when the provider reports it, else null
 * @param videoUrl where the result can be downloaded (expires, typically after 24 h)
 * @param lastFrameUrl the last frame PNG, when asked for and offered
 * @param usageTokens billed tokens, when reported
 * @param seed the seed actually used, when reported
 * @param durationSeconds the actual duration, when reported
 * @param errorCode provider error code (e.g. {@code OutputVideoSensitiveContentDetected})
 * @param errorMessage provider error text, for logs (never shown raw to users)
 */
public record ProviderTask(
    String taskId,
    TaskState state,
    Integer progress,
    URI videoUrl,
    URI lastFrameUrl,
    Long usageTokens,
    Long seed,
    Double durationSeconds,
    String errorCode,
    String errorMessage) {
  public ProviderTask {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(state, "state");
  }

  public static ProviderTask inState(String taskId, TaskState state) {
    return new ProviderTask(taskId, state, null, null, null, null, null, null, null, null);
  }
}
