package com.seedancebot.core.provider.gateway;

import com.seedancebot.core.provider.ProviderErrors;
import com.seedancebot.core.provider.ProviderTask;
import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.provider.http.JsonFields;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code data} object of the gateway's {@code GET /v1/tasks/{id}}. Lenient where the
 * gateway's documentation is vague: the video URL may be an array or a string, the error an object
 * or a string, and the last frame is looked for at {@code result.last_frame_url}.
 */
final class GatewayTaskJson {

  private GatewayTaskJson() {}

  static ProviderTask parse(String requestedId, JsonNode data) {
    String status = JsonFields.text(data, "status");
    if (status == null) {
      throw JsonFields.malformed("gateway", "task without status", null);
    }
    String id = JsonFields.text(data, "id");
    TaskState state = state(status);
    JsonNode result = data.path("result");
    Long progress = JsonFields.longValue(data, "progress");
    String errorMessage = errorMessage(data.get("error"));
    String errorCode = errorCode(data.get("error"), errorMessage);
    return new ProviderTask(
        id == null ? requestedId : id,
        state,
        progress == null ? null : (int) Math.max(0, Math.min(100, progress)),
        JsonFields.resultUrl(videoUrl(result), "gateway"),
        JsonFields.resultUrl(JsonFields.text(result, "last_frame_url"), "gateway"),
        null,
        null,
        JsonFields.doubleValue(data, "duration"),
        state == TaskState.FAILED ? errorCode : null,
        state == TaskState.FAILED ? errorMessage : null);
  }

  static TaskState state(String status) {
    return switch (status.toLowerCase(Locale.ROOT)) {
      case "submitted", "pending", "queued" -> TaskState.QUEUED;
      case "processing", "running", "in_progress" -> TaskState.RUNNING;
      case "completed", "succeeded", "success" -> TaskState.SUCCEEDED;
      case "failed", "failure" -> TaskState.FAILED;
      case "cancelled", "canceled" -> TaskState.CANCELLED;
      case "expired" -> TaskState.EXPIRED;
      default -> throw JsonFields.malformed("gateway", "unknown status " + status, null);
    };
  }

  private static String videoUrl(JsonNode result) {
    JsonNode videos = result.path("videos");
    if (!videos.isArray() || videos.isEmpty()) {
      return JsonFields.text(result, "video_url");
    }
    JsonNode first = videos.get(0);
    if (first.isString()) {
      return first.stringValue();
    }
    JsonNode url = first.path("url");
    if (url.isArray()) {
      return url.isEmpty() || !url.get(0).isString() ? null : url.get(0).stringValue();
    }
    return url.isString() ? url.stringValue() : null;
  }

  private static String errorMessage(JsonNode error) {
    if (error == null || error.isNull()) {
      return null;
    }
    return error.isString() ? error.stringValue() : JsonFields.text(error, "message");
  }

  private static String errorCode(JsonNode error, String message) {
    String code = error != null && error.isObject() ? JsonFields.text(error, "code") : null;
    if (code != null && !code.chars().allMatch(Character::isDigit)) {
      return code;
    }
    return ProviderErrors.refusalCodeIn(message).orElse(code);
  }
}
