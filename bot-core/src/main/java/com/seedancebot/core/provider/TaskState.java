package com.seedancebot.core.provider;

/** The one lifecycle every provider family's task states are mapped onto. */
public enum TaskState {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  EXPIRED,
  CANCELLED;

  /** Whether the task will not change any more. */
  public boolean isFinal() {
    return this != QUEUED && this != RUNNING;
  }
}
