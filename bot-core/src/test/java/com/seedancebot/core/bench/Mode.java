package com.seedancebot.core.bench;

/** How a benchmark run finds out that tasks finished. */
enum Mode {
  /** One GET {@code /contents/generations/tasks/{id}} per unfinished task per poll interval. */
  NAIVE("naive GET per task"),
  /** The real {@code JobTracker}: list requests with {@code filter.task_ids}, backoff. */
  BATCHED("batched tracker"),
  /** The real tracker plus Ark callbacks that make a job due at once. */
  BATCHED_CALLBACKS("batched + callbacks");

  final String label;

  Mode(String label) {
    this.label = label;
  }
}
