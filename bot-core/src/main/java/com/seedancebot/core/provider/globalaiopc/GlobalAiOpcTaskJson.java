package com.seedancebot.core.provider.globalaiopc;

import com.seedancebot.core.provider.ProviderErrors;
import com.seedancebot.core.provider.ProviderTask;
import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.provider.http.JsonFields;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reads GlobalAiOpc's {@code GET /v1/result/{id}} answer. Its {@code error} is free text: a
 * content-safety code found in it becomes the task's error code.
 */
final class GlobalAiOpcTaskJson {

  private GlobalAiOpcTaskJson() {}

  static ProviderTask parse(String requestedId, JsonNode body) {
    String status = JsonFields.text(body, "status");
    if (status == null) {
      throw JsonFields.malformed("globalaiopc", "result without status", null);
    }
    TaskState state = state(status);
    String id = JsonFields.text(body, "id");
    JsonNode errorNode = body.get("error");
    String error =
        errorNode == null || errorNode.isNull()
            ? null
            : errorNode.isString()
                ? errorNode.stringValue()
                : JsonFields.text(errorNode, "message");
    boolean failed = state == TaskState.FAILED;
    return new ProviderTask(
        id == null ? requestedId : id,
        state,
        state == TaskState.SUCCEEDED ? Integer.valueOf(100) : null,
        JsonFields.resultUrl(JsonFields.text(body, "video_url"), "globalaiopc"),
        null,
        JsonFields.longValue(body, "totalTokens"),
        null,
        JsonFields.doubleValue(body, "actualDuration"),
        failed ? ProviderErrors.refusalCodeIn(error).orElse(null) : null,
        failed ? error : null);
  }

  static TaskState state(String status) {
    return switch (status.toLowerCase(Locale.ROOT)) {
      case "queued", "pending", "submitted" -> TaskState.QUEUED;
      case "processing", "running", "in_progress" -> TaskState.RUNNING;
      case "completed", "succeeded", "success" -> TaskState.SUCCEEDED;
      case "failed", "failure" -> TaskState.FAILED;
      case "cancelled", "canceled" -> TaskState.CANCELLED;
      case "expired" -> TaskState.EXPIRED;
      default -> throw JsonFields.malformed("globalaiopc", "unknown status " + status, null);
    };
  }
}
