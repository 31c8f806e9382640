package com.seedancebot.core.delivery;

import com.seedancebot.core.job.JobState;
import java.util.Objects;

/**
 * What a chat surface shows in a job's one status message: the rendered text (already in the user's
 * language) plus the facts a surface needs for buttons and placement.
 *
 * @param jobId the job
 * @param ownerUserId the platform user id of the owner
 * @param chat where the status lives
 * @param requestMessageId the request message the status replies to, may be null
 * @param statusMessageId the status message to edit, or null to send a new one
 * @param state the job's state
 * @param queuePosition 1-based position in the local queue, null unless queued
 * @param cancellable whether a Cancel button makes sense now
 * @param text the status line(s) to show
 * @param locale the owner's language (for button labels), or null when unknown
 */
public record JobStatus(
    String jobId,
    String ownerUserId,
    com.seedancebot.core.chat.ChatRef chat,
    String requestMessageId,
    String statusMessageId,
    JobState state,
    Integer queuePosition,
    boolean cancellable,
    String text,
    java.util.Locale locale) {

  /** Whether this is the job's outcome (its final state), which no progress text may replace. */
  public boolean outcome() {
    return state.isFinal();
  }

  /**
   * Whether this is an outcome no video follows (failed, expired, cancelled): when its message
   * cannot be edited, it must reach the user as a new message.
   */
  public boolean outcomeWithoutVideo() {
    return state.isFinal() && state != JobState.SUCCEEDED;
  }

  /** This status as a new message (the one it was to edit is gone). */
  public JobStatus asNewMessage() {
    return new JobStatus(
        jobId,
        ownerUserId,
        chat,
        requestMessageId,
        null,
        state,
        queuePosition,
        cancellable,
        text,
        locale);
  }

  /** A status without a known language. */
  public JobStatus(
      String jobId,
      String ownerUserId,
      com.seedancebot.core.chat.ChatRef chat,
      String requestMessageId,
      String statusMessageId,
      JobState state,
      Integer queuePosition,
      boolean cancellable,
      String text) {
    this(
        jobId,
        ownerUserId,
        chat,
        requestMessageId,
        statusMessageId,
        state,
        queuePosition,
        cancellable,
        text,
        null);
  }

  public JobStatus {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(text, "text");
  }
}
