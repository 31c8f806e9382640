package com.seedancebot.core.provider.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One request being served by a fake: parsed once, answered once. Not thread-safe (one thread). */
final class FakeExchange {

  final HttpExchange raw;
  final RecordedRequest request;
  private boolean discard;

  private FakeExchange(HttpExchange raw, RecordedRequest request) {
    this.raw = raw;
    this.request = request;
  }

  static FakeExchange read(HttpExchange ex, JsonMapper json) throws IOException {
    byte[] bytes;
    try (InputStream in = ex.getRequestBody()) {
      bytes = in.readAllBytes();
    }
    String body = new String(bytes, StandardCharsets.UTF_8);
    JsonNode parsed = null;
    if (!body.isBlank()) {
      try {
        parsed = json.readTree(body);
      } catch (JacksonException notJson) {
        parsed = null;
      }
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
    String rawQuery = ex.getRequestURI().getRawQuery();
    RecordedRequest rec =
        new RecordedRequest(
            ex.getRequestMethod(),
            ex.getRequestURI().getPath(),
            rawQuery,
            parseQuery(rawQuery),
            headers,
            body,
            parsed);
    return new FakeExchange(ex, rec);
  }

  String method() {
    return request.method();
  }

  String path() {
    return request.path();
  }

  JsonNode json() {
    return request.json();
  }

  /** Whatever is sent from now on is dropped: closing the exchange then drops the connection. */
  void discardAnswer() {
    discard = true;
  }

  void send(int status, String contentType, byte[] body, Map<String, String> headers)
      throws IOException {
    if (discard) {
      return;
    }
    if (contentType != null) {
      raw.getResponseHeaders().set("Content-Type", contentType);
    }
    headers.forEach((k, v) -> raw.getResponseHeaders().set(k, v));
    boolean head = "HEAD".equals(request.method());
    raw.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = raw.getResponseBody()) {
        out.write(body);
      }
    }
  }

  void sendJson(int status, String json, Map<String, String> headers) throws IOException {
    send(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), headers);
  }

  void sendJson(int status, String json) throws IOException {
    sendJson(status, json, Map.of());
  }

  static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    query.replaceAll((k, v) -> List.copyOf(v));
    return query;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
