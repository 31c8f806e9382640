package com.seedancebot.core.provider.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How the embedded simulator behaves. Immutable.
 *
 * @param queueLatency how long a new task stays {@code queued}
 * @param runLatency how long it then stays {@code running} at least (it also waits for its clip)
 * @param failureRate probability 0..1 that a task fails at random (code {@code
 *     InternalServiceError}); prompts containing {@code [fail]} always fail
 * @param maxConcurrentTasks what {@code maxConcurrentTasks()} reports (Ark's personal limit is 3)
 * @param renderLongSide pixels of the clip's longer side (the short side follows the ratio)
 * @param framesPerSecond frame rate of the rendered clip (low, because encoding is slow)
 */
public record SimulatorSettings(
    Duration queueLatency,
    Duration runLatency,
    double failureRate,
    int maxConcurrentTasks,
    int renderLongSide,
    int framesPerSecond) {

  public SimulatorSettings {
    Objects.requireNonNull(queueLatency, "queueLatency");
    Objects.requireNonNull(runLatency, "runLatency");
    if (queueLatency.isNegative() || runLatency.isNegative()) {
      throw new IllegalArgumentException("latencies must not be negative");
    }
    if (!(failureRate >= 0 && failureRate <= 1)) {
      throw new IllegalArgumentException("failureRate must be within 0..1, was " + failureRate);
    }
    if (maxConcurrentTasks < 1) {
      throw new IllegalArgumentException("maxConcurrentTasks must be >= 1");
    }
    if (renderLongSide < 32 || renderLongSide > 1920) {
      throw new IllegalArgumentException("renderLongSide must be within 32..1920");
    }
    if (framesPerSecond < 1 || framesPerSecond > 60) {
      throw new IllegalArgumentException("framesPerSecond must be within 1..60");
    }
  }

  /** A second in the queue, five running, no random failures, 3 slots, 320 px at 10 fps. */
  public static SimulatorSettings defaults() {
    return new SimulatorSettings(Duration.ofSeconds(1), Duration.ofSeconds(5), 0, 3, 320, 10);
  }

  /** A copy with other latencies. */
  public SimulatorSettings withLatencies(Duration queue, Duration run) {
    return new SimulatorSettings(
        queue, run, failureRate, maxConcurrentTasks, renderLongSide, framesPerSecond);
  }
}
