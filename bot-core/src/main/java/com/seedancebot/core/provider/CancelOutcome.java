package com.seedancebot.core.provider;

/** What happened when the bot asked a provider to cancel a task. */
public enum CancelOutcome {
  /** The provider cancelled the task; it will not run. */
  CANCELLED,
  /** The task is already running (or finished) and the provider will not stop it. */
  TOO_LATE,
  /** The family has no cancel endpoint: the bot stops tracking it locally. */
  NOT_SUPPORTED
}
