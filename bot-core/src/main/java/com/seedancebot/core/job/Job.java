package com.seedancebot.core.job;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.request.GenerationRequest;
import java.time.Instant;
import java.util.Objects;

/**
 * One video job as persisted. Immutable snapshot; every change goes through {@link JobRepository}
 * in one transaction so a restart resumes where it stopped.
 *
 * @param id short user-facing id
 * @param owner who asked
 * @param chat where to answer
 * @param requestMessageId the message that asked (replies go to it), may be null
 * @param request the request with the model's defaults applied
 * @param state lifecycle state
 * @param providerName configured provider that holds (or will hold) the task, null while queued
 * @param providerTaskId the provider's id once submitted
 * @param statusMessageId the platform message showing the job's status, once sent
 * @param estimatedTokens the cost estimate shown to the user
 * @param createdAt when the job was accepted
 * @param submittedAt when the provider accepted it
 * @param finishedAt when it reached a final state
 * @param nextPollAt when the tracker looks at it next (at the provider) or retries submission
 * @param attempts consecutive transient failures (drives backoff and fail-over)
 * @param errorCode why it failed (a message code, see {@code Messages}), or null
 * @param result the stored result once succeeded
 * @param deliveredAt when the outcome was posted to the chat, null until then
 * @param finalStatusAt when the final status was shown (or found gone), null until then
 * @param submitStartedAt when a create request was last sent without its answer recorded, or null
 * @param scene its place in a storyboard, or null for a single video
 */
public record Job(
    String id,
    UserRef owner,
    ChatRef chat,
    String requestMessageId,
    GenerationRequest request,
    JobState state,
    String providerName,
    String providerTaskId,
    String statusMessageId,
    long estimatedTokens,
    Instant createdAt,
    Instant submittedAt,
    Instant finishedAt,
    Instant nextPollAt,
    int attempts,
    String errorCode,
    JobResult result,
    Instant deliveredAt,
    Instant finalStatusAt,
    Instant submitStartedAt,
    Scene scene) {

  public Job {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A freshly accepted job, waiting in the local queue. */
  public static Job accepted(
      String id,
      UserRef owner,
      ChatRef chat,
      String requestMessageId,
      GenerationRequest request,
      long estimatedTokens,
      Instant now) {
    return new Job(
        id,
        owner,
        chat,
        requestMessageId,
        request,
        JobState.QUEUED,
        null,
        null,
        null,
        estimatedTokens,
        now,
        null,
        null,
        now,
        0,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** This job as scene {@code scene} of a storyboard, its status shown in {@code statusMessage}. */
  public Job asScene(Scene newScene, String statusMessage) {
    return copy(state, attempts, nextPollAt, statusMessage, result, newScene);
  }

  /** This job carrying another stored result (a storyboard's joined video). */
  public Job withResult(JobResult newResult) {
    return copy(state, attempts, nextPollAt, statusMessageId, newResult, scene);
  }

  /**
   * The joined video of the storyboard {@code storyId} whose last scene made was this job: a job
   * that is never stored, named by the storyboard's id, carrying the joined result.
   */
  public Job asStoryVideo(String storyId, JobResult joined) {
    return new Job(
        storyId,
        owner,
        chat,
        requestMessageId,
        request,
        state,
        providerName,
        null,
        statusMessageId,
        estimatedTokens,
        createdAt,
        submittedAt,
        finishedAt,
        nextPollAt,
        attempts,
        errorCode,
        joined,
        deliveredAt,
        finalStatusAt,
        submitStartedAt,
        scene);
  }

  /** Whether this is a storyboard's joined video ({@link #asStoryVideo}) rather than a job. */
  public boolean storyVideo() {
    return scene != null && scene.storyId().equals(id);
  }

  /** This job as the tracker leaves it at the provider: in {@code state}, next polled then. */
  public Job atProvider(JobState newState, int newAttempts, Instant newNextPollAt) {
    return copy(newState, newAttempts, newNextPollAt, statusMessageId, result, scene);
  }

  private Job copy(
      JobState newState,
      int newAttempts,
      Instant newNextPollAt,
      String newStatusMessageId,
      JobResult newResult,
      Scene newScene) {
    return new Job(
        id,
        owner,
        chat,
        requestMessageId,
        request,
        newState,
        providerName,
        providerTaskId,
        newStatusMessageId,
        estimatedTokens,
        createdAt,
        submittedAt,
        finishedAt,
        newNextPollAt,
        newAttempts,
        errorCode,
        newResult,
        deliveredAt,
        finalStatusAt,
        submitStartedAt,
        newScene);
  }

  /** Whether a create request may have reached the provider without its answer being recorded. */
  public boolean submissionUncertain() {
    return state == JobState.QUEUED && submitStartedAt != null;
  }
}
