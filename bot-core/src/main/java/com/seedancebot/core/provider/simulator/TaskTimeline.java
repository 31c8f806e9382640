package com.seedancebot.core.provider.simulator;

import com.seedancebot.core.provider.ProviderTask;
import com.seedancebot.core.provider.TaskState;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a simulated task stands at a given instant: {@code queued} for the queue latency, then
 * {@code running} for the run latency and for as long as its clip is not rendered, then {@code
 * succeeded} — or {@code failed} when its failure was decided, or {@code cancelled}. Pure function
 * of its inputs.
 */
final class TaskTimeline {

  private final Duration queueLatency;
  private final Duration runLatency;

  TaskTimeline(Duration queueLatency, Duration runLatency) {
    this.queueLatency = queueLatency;
    this.runLatency = runLatency;
  }

  /** The state only (no result fields). */
  TaskState state(SimulatedTask task, Instant now, boolean rendered) {
    if (task.cancelled()) {
      return TaskState.CANCELLED;
    }
    Duration age = Duration.between(Instant.ofEpochMilli(task.createdAtMillis()), now);
    if (age.compareTo(queueLatency) < 0) {
      return TaskState.QUEUED;
    }
    if (age.compareTo(queueLatency.plus(runLatency)) < 0) {
      return TaskState.RUNNING;
    }
    if (task.willFail()) {
      return TaskState.FAILED;
    }
    return rendered ? TaskState.SUCCEEDED : TaskState.RUNNING;
  }

  /** The snapshot the provider reports; {@code video}/{@code lastFrame} are the result files. */
  ProviderTask snapshot(
      SimulatedTask task, Instant now, boolean rendered, URI video, URI lastFrame) {
    TaskState state = state(task, now, rendered);
    return switch (state) {
      case QUEUED, CANCELLED, EXPIRED -> ProviderTask.inState(task.id(), state);
      case RUNNING -> progress(task, now);
      case FAILED ->
          new ProviderTask(
              task.id(),
              state,
              null,
              null,
              null,
              null,
              null,
              null,
              task.failureCode(),
              task.failureMessage());
      case SUCCEEDED ->
          new ProviderTask(
              task.id(),
              state,
              100,
              video,
              task.returnLastFrame() ? lastFrame : null,
              ClipGeometry.usageTokens(
                  ClipGeometry.nominalSize(task.ratio(), task.resolution()),
                  task.durationSeconds()),
              task.seed(),
              (double) task.durationSeconds(),
              null,
              null);
    };
  }

  private ProviderTask progress(SimulatedTask task, Instant now) {
    long running =
        Duration.between(Instant.ofEpochMilli(task.createdAtMillis()), now)
            .minus(queueLatency)
            .toMillis();
    long total = Math.max(1, runLatency.toMillis());
    int percent = (int) Math.min(99, running * 100 / total);
    return new ProviderTask(
        task.id(), TaskState.RUNNING, percent, null, null, null, null, null, null, null);
  }
}
