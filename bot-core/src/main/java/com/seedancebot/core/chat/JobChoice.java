package com.seedancebot.core.chat;

import java.util.Objects;

/**
 * One of the caller's jobs offered while typing a job id (Discord's autocomplete of {@code /show}).
 *
 * @param jobId the value the command receives
 * @param label what the user reads: id, state and a prompt excerpt (at most 100 characters)
 */
public record JobChoice(String jobId, String label) {
  public JobChoice {
    Objects.requireNonNull(jobId, "jobId");
    label = label == null ? jobId : label;
  }
}
