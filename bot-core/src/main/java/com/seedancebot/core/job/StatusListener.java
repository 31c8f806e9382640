package com.seedancebot.core.job;

/**
 * Told whenever a job's visible status may have changed (state, queue position). Implementations
 * show it to the user without blocking the caller for long and never throw: a status is best
 * effort, the outcome is delivered separately.
 */
public interface StatusListener {

  /** The job's status changed; {@code queuePosition} is its place in the local queue, or null. */
  void report(Job job, Integer queuePosition);
}
