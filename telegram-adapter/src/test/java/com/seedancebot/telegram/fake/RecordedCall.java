package com.seedancebot.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request the fake Bot API server received.
 *
 * @param method the Bot API method (lowercased) or {@code "file"} for downloads
 * @param path the request path as sent (contains the token: only for the token check)
 * @param headers request headers, joined per name
 * @param fields top-level parameters: strings as-is, objects and arrays as JSON text
 * @param files uploaded multipart files by field name
 * @param fileNames uploaded files' names by field name
 * @param body the raw body
 */
public record RecordedCall(
    String method,
    String path,
    Map<String, String> headers,
    Map<String, String> fields,
    Map<String, byte[]> files,
    Map<String, String> fileNames,
    byte[] body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public String field(String name) {
    return fields.get(name);
  }

  /** A parameter sent as JSON (reply_markup, reply_parameters, …), parsed. */
  public JsonNode json(String name) {
    String value = fields.get(name);
    try {
      return value == null ? null : JSON.readTree(value);
    } catch (Exception e) {
      throw new IllegalStateException("field " + name + " is not JSON: " + value, e);
    }
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
