package com.seedancebot.discord.fake;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.Headers;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP request the fake received: method, path (with query), headers, raw body, the JSON
 * payload (the body, or the {@code payload_json} part of a multipart upload) and the uploaded files
 * by part name ({@code files[0]}, …).
 */
public record RecordedCall(
    String method,
    String path,
    Headers headers,
    byte[] body,
    JsonNode json,
    Map<String, UploadedFile> files) {

  /** A file part of a multipart request. */
  public record UploadedFile(String fileName, String contentType, byte[] bytes) {}

  public boolean is(String method, String pathPrefix) {
    return this.method.equals(method) && path.startsWith(pathPrefix);
  }

  /** The JSON payload's {@code content}, or null. */
  public String content() {
    return json == null || json.path("content").isMissingNode() || json.get("content").isNull()
        ? null
        : json.get("content").asString();
  }

  /** The body as text (for secret scans). */
  public String bodyText() {
    return new String(body, StandardCharsets.ISO_8859_1);
  }
}
