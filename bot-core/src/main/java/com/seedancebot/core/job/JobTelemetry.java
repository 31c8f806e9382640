package com.seedancebot.core.job;

import java.time.Duration;

/**
 * What the pipeline tells monitoring about its jobs: how long each stage took, how jobs ended, how
 * results reached the chat and how many bytes were stored. The core only reports; an application
 * turns the reports into metrics. Implementations are thread-safe, quick and never throw; every
 * method does nothing by default ({@link #NONE}).
 */
public interface JobTelemetry {

  /** The stages a job's time is measured in. */
  enum Stage {
    /** From acceptance to the provider accepting the create (the local queue). */
    QUEUED,
    /**
     * From the provider accepting the create to its final answer seen by the bot (for a success:
     * until the bot starts copying its result).
     */
    AT_PROVIDER,
    /** Copying a succeeded task's result into the bot's storage. */
    COLLECT,
    /** From the job's end to its video posted in the chat. */
    DELIVER,
    /** From acceptance to the video posted in the chat. */
    END_TO_END
  }

  /** How a finished video reached its chat. */
  enum Delivery {
    /** Uploaded into the chat. */
    UPLOAD,
    /** A message with the bot's signed link (the upload was refused or abandoned). */
    LINK
  }

  /** What the bot stored. */
  enum Stored {
    /** A user's attachment, re-hosted for the provider. */
    ATTACHMENT,
    /** A result video. */
    RESULT
  }

  /** Reports nothing. */
  JobTelemetry NONE = new JobTelemetry() {};

  /** {@code job} spent {@code time} in {@code stage}. */
  default void stage(Stage stage, Job job, Duration time) {}

  /** {@code job} ended in {@code state} (a final state). */
  default void finished(Job job, JobState state) {}

  /** {@code job}'s video reached its chat as {@code kind}. */
  default void delivered(Job job, Delivery kind) {}

  /** {@code bytes} of {@code kind} were written to the bot's storage. */
  default void stored(Stored kind, long bytes) {}
}
