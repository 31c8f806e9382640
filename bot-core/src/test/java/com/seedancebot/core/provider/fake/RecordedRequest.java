package com.seedancebot.core.provider.fake;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP request a fake server received, exactly as sent: every header (names as the JDK server
 * normalises them: first letter upper case), the raw and decoded query, and the body as text and
 * parsed JSON ({@code null} when the body is not JSON). Immutable.
 */
public record RecordedRequest(
    String method,
    String path,
    String rawQuery,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    String body,
    JsonNode json) {

  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
    body = body == null ? "" : body;
  }

  /** The first value of a header, case-insensitively, or null. */
  public String header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .findFirst()
        .orElse(null);
  }

  /** Every value of a query parameter, in order (empty when absent). */
  public List<String> queryValues(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** The first value of a query parameter, or null. */
  public String queryValue(String name) {
    List<String> values = queryValues(name);
    return values.isEmpty() ? null : values.get(0);
  }
}
