package com.seedancebot.core.provider.fake;

import com.seedancebot.core.provider.TaskState;
import java.net.URI;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A task held by a fake server. Mutable; every access goes through the owning server while holding
 * this object's monitor.
 */
final class FakeTask {

  /** What the task will end as once it has run. */
  record Outcome(TaskState state, String errorCode, String errorMessage) {
    static final Outcome SUCCESS = new Outcome(TaskState.SUCCEEDED, null, null);
  }

  final String id;
  final long sequence;
  final String model;
  final JsonNode request;
  final Instant createdAt;
  final Outcome outcome;
  TaskState state = TaskState.QUEUED;
  Instant updatedAt;
  Instant finishedAt;
  URI videoUrl;
  URI lastFrameUrl;
  long seed = -1;

  FakeTask(String id, long sequence, String model, JsonNode request, Instant now, Outcome outcome) {
    this.id = id;
    this.sequence = sequence;
    this.model = model;
    this.request = request;
    this.createdAt = now;
    this.updatedAt = now;
    this.outcome = outcome;
  }

  /** A request field as text, or the fallback. */
  String field(String name, String fallback) {
    JsonNode v = request.get(name);
    return v == null || v.isNull() ? fallback : v.asString();
  }

  /** A request field as a number, or the fallback. */
  long number(String name, long fallback) {
    JsonNode v = request.get(name);
    return v != null && v.isNumber() ? v.asLong() : fallback;
  }

  /** A request field as a boolean, or the fallback. */
  boolean flag(String name, boolean fallback) {
    JsonNode v = request.get(name);
    return v != null && v.isBoolean() ? v.asBoolean() : fallback;
  }
}
