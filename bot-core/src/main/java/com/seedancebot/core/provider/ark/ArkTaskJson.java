package com.seedancebot.core.provider.ark;

import com.seedancebot.core.provider.ProviderException;
import com.seedancebot.core.provider.ProviderTask;
import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.provider.http.JsonFields;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an Ark task body, the one {@code GET /contents/generations/tasks/{id}} answers, the list
 * endpoint's {@code items[]} hold, and the service POSTs to a {@code callback_url}. Stateless and
 * thread-safe. A callback body is not signed: confirm the state with a poll before acting on it.
 */
public final class ArkTaskJson {

  private ArkTaskJson() {}

  /**
   * Parses a task body given as text.
   *
   * @throws ProviderException TRANSIENT when the text is not a task body
   */
  public static ProviderTask parse(String body, JsonMapper json) {
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (JacksonException e) {
      throw JsonFields.malformed("ark", "not JSON", e);
    }
    return parse(node);
  }

  /**
   * Parses one task object.
   *
   * @throws ProviderException TRANSIENT when the id or status is missing or unknown
   */
  public static ProviderTask parse(JsonNode task) {
    String id = JsonFields.text(task, "id");
    String status = JsonFields.text(task, "status");
    if (id == null || status == null) {
      throw JsonFields.malformed("ark", "task without id or status", null);
    }
    TaskState state = state(status);
    JsonNode content = task.path("content");
    JsonNode error = task.get("error");
    Long tokens = JsonFields.longValue(task.path("usage"), "completion_tokens");
    Long duration = JsonFields.longValue(task, "duration");
    return new ProviderTask(
        id,
        state,
        progress(state),
        JsonFields.resultUrl(JsonFields.text(content, "video_url"), "ark"),
        JsonFields.resultUrl(JsonFields.text(content, "last_frame_url"), "ark"),
        tokens,
        JsonFields.longValue(task, "seed"),
        duration == null ? null : duration.doubleValue(),
        error == null || !error.isObject() ? null : JsonFields.text(error, "code"),
        error == null || !error.isObject() ? null : JsonFields.text(error, "message"));
  }

  /** Ark's status name mapped onto the common lifecycle. */
  static TaskState state(String status) {
    return switch (status) {
      case "queued" -> TaskState.QUEUED;
      case "running" -> TaskState.RUNNING;
      case "succeeded" -> TaskState.SUCCEEDED;
      case "failed" -> TaskState.FAILED;
      case "expired" -> TaskState.EXPIRED;
      case "cancelled" -> TaskState.CANCELLED;
      default -> throw JsonFields.malformed("ark", "unknown status " + status, null);
    };
  }

  private static Integer progress(TaskState state) {
    return state == TaskState.SUCCEEDED ? Integer.valueOf(100) : null;
  }
}
