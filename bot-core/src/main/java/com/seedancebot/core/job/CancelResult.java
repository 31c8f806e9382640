package com.seedancebot.core.job;

/** What became of a cancel request. */
public enum CancelResult {
  /** Cancelled (locally or at the provider) and refunded. */
  CANCELLED,
  /** The provider cannot stop tasks: the bot stopped following it, will not deliver, refunded. */
  STOPPED_LOCALLY,
  /** The provider already runs it and will not stop. */
  TOO_LATE,
  /** The job already ended. */
  ALREADY_FINISHED,
  /** No such job (or not visible to the caller). */
  NOT_FOUND,
  /** Only the owner or a chat admin may cancel. */
  NOT_ALLOWED,
  /** The provider could not be reached; try again. */
  TRY_AGAIN
}
