package com.seedancebot.core.job;

/**
 * A step of a job that one worker of one instance does at a time, claimed with a lease: submitting
 * it (while {@link JobState#QUEUED}), collecting its result (while at the provider) and delivering
 * its outcome (while final and undelivered). A claim checks the step's state and the lease in the
 * same guarded update.
 */
public enum JobStep {
  SUBMIT,
  COLLECT,
  DELIVER
}
