package com.seedancebot.core.job;

/**
 * A job's lifecycle. {@code QUEUED} is the bot's own queue (waiting for a provider slot); {@code
 * SUBMITTED} and {@code RUNNING} are at the provider; the rest are final. Delivery is recorded
 * separately ({@link Job#deliveredAt()}), so a final job is delivered at most once.
 */
public enum JobState {
  QUEUED,
  SUBMITTED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  EXPIRED,
  CANCELLED;

  public boolean isFinal() {
    return switch (this) {
      case QUEUED, SUBMITTED, RUNNING -> false;
      case SUCCEEDED, FAILED, EXPIRED, CANCELLED -> true;
    };
  }

  /** Whether the job holds a provider slot. */
  public boolean atProvider() {
    return this == SUBMITTED || this == RUNNING;
  }
}
