package com.seedancebot.core.provider.simulator;

import java.util.Objects;

/**
 * One simulated task as persisted on disk (one small JSON file per task). Everything that decides
 * its future is fixed at submit time, so a restarted simulator continues it exactly.
 *
 * @param id Ark-style task id
 * @param model the model id asked for
 * @param prompt the prompt
 * @param ratio the resolved fixed ratio (never {@code adaptive})
 * @param resolution {@code 480p}, {@code 720p} or {@code 1080p}
 * @param durationSeconds resolved duration (never -1)
 * @param seed the seed used
 * @param returnLastFrame whether a last-frame PNG is produced
 * @param createdAtMillis submit time, epoch milliseconds
 * @param failureCode null, or the code the task fails with once its run time has passed
 * @param failureMessage text for {@code failureCode}
 * @param cancelled cancelled while queued
 */
record SimulatedTask(
    String id,
    String model,
    String prompt,
    String ratio,
    String resolution,
    int durationSeconds,
    long seed,
    boolean returnLastFrame,
    long createdAtMillis,
    String failureCode,
    String failureMessage,
    boolean cancelled) {

  SimulatedTask {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ratio, "ratio");
    Objects.requireNonNull(resolution, "resolution");
    prompt = Objects.requireNonNullElse(prompt, "");
  }

  boolean willFail() {
    return failureCode != null;
  }

  SimulatedTask cancel() {
    return new SimulatedTask(
        id,
        model,
        prompt,
        ratio,
        resolution,
        durationSeconds,
        seed,
        returnLastFrame,
        createdAtMillis,
        failureCode,
        failureMessage,
        true);
  }

  SimulatedTask fail(String code, String message) {
    return new SimulatedTask(
        id,
        model,
        prompt,
        ratio,
        resolution,
        durationSeconds,
        seed,
        returnLastFrame,
        createdAtMillis,
        code,
        message,
        cancelled);
  }
}
