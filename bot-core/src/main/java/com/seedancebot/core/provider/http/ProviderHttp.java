package com.seedancebot.core.provider.http;

import com.seedancebot.core.provider.ProviderErrors;
import com.seedancebot.core.provider.ProviderException;
import com.seedancebot.core.provider.ProviderException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One provider's HTTP plumbing: a single exchange per call with the Bearer key and the configured
 * timeout, I/O and timeouts turned into {@link Kind#TRANSIENT} failures, JSON in and out, and
 * secret-free error messages. Thread-safe (the injected {@link HttpClient} is).
 */
public final class ProviderHttp {

  private static final int MAX_MESSAGE_CHARS = 300;

  private final ProviderSettings settings;
  private final String base;
  private final HttpClient http;
  private final JsonMapper json;
  private final Clock clock;

  public ProviderHttp(ProviderSettings settings, HttpClient http, JsonMapper json, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.http = Objects.requireNonNull(http, "http");
    this.json = Objects.requireNonNull(json, "json");
    this.clock = Objects.requireNonNull(clock, "clock");
    String b = settings.baseUrl().toString();
    this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
  }

  public JsonMapper json() {
    return json;
  }

  public String providerName() {
    return settings.name();
  }

  /**
   * Sends one authenticated request to {@code base + pathAndQuery} and returns the answer whatever
   * its status. {@code body} is sent as JSON when not null.
   *
   * @throws ProviderException TRANSIENT on I/O failure, timeout or interruption
   */
  public HttpReply send(String method, String pathAndQuery, JsonNode body) {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .timeout(settings.requestTimeout())
            .header("Authorization", "Bearer " + settings.apiKey())
            .header("Accept", "application/json");
    if (body != null) {
      req.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    } else {
      req.method(method, HttpRequest.BodyPublishers.noBody());
    }
    String what = method + " " + pathOnly(pathAndQuery);
    try {
      HttpResponse<String> r =
          http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new HttpReply(r.statusCode(), r.headers(), r.body());
    } catch (HttpTimeoutException e) {
      throw transientFailure(what + " timed out after " + settings.requestTimeout(), e);
    } catch (IOException e) {
      throw transientFailure(what + " failed: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw transientFailure(what + " interrupted", e);
    }
  }

  /**
   * Parses a 2xx body as JSON.
   *
   * @throws ProviderException TRANSIENT when the body is not JSON (a proxy page, a truncated body)
   */
  public JsonNode readJson(HttpReply reply) {
    try {
      JsonNode node = json.readTree(reply.body());
      if (node == null || node.isMissingNode() || !node.isContainer()) {
        throw malformed("not a JSON object", null);
      }
      return node;
    } catch (JacksonException e) {
      throw malformed(e.getClass().getSimpleName(), e);
    }
  }

  /** Parses an error body as JSON, or returns null when it is not JSON (plain text, HTML). */
  public JsonNode readJsonOrNull(HttpReply reply) {
    try {
      JsonNode node = json.readTree(reply.body());
      return node != null && node.isObject() ? node : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  /** A TRANSIENT failure for a 2xx answer whose content makes no sense. */
  public ProviderException malformed(String detail, Throwable cause) {
    return ProviderException.outcomeUnknown(
        "MalformedResponse", settings.name() + ": malformed response (" + detail + ")", cause);
  }

  /**
   * The classified failure for a non-2xx answer, with the {@code Retry-After} delay. {@code code}
   * and {@code message} come from the family's error envelope (null when absent); a body that is
   * not an envelope is used, shortened, as the message.
   */
  public ProviderException failure(HttpReply reply, String code, String message) {
    String text = message;
    if ((text == null || text.isBlank()) && code == null) {
      text = reply.body().strip();
    }
    return ProviderErrors.forHttp(
        settings.name(),
        reply.status(),
        code == null ? null : redact(code),
        text == null ? null : shorten(redact(text)),
        RetryAfter.parse(reply.headers().firstValue("Retry-After").orElse(null), clock));
  }

  /**
   * Opens a pre-signed result URL for streaming, without the {@code Authorization} header: result
   * files may sit on another host, and a signed URL must not be combined with other credentials.
   *
   * @throws IOException when the file cannot be fetched (message without the URL's query, which
   *     carries the signature)
   */
  public InputStream download(URI url) throws IOException {
    String scheme = url.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IOException("not an http(s) result URL");
    }
    HttpRequest req = HttpRequest.newBuilder(url).timeout(settings.requestTimeout()).GET().build();
    HttpResponse<InputStream> r;
    try {
      r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("download interrupted", e);
    }
    if (r.statusCode() / 100 != 2) {
      r.body().close();
      throw new IOException(
          "download failed: HTTP " + r.statusCode() + " from " + url.getHost() + url.getPath());
    }
    return r.body();
  }

  /** The text with the API key replaced, for anything that may end up in a message or log. */
  public String redact(String text) {
    String key = settings.apiKey();
    return text == null || key.isEmpty() ? text : text.replace(key, "***");
  }

  private ProviderException transientFailure(String message, Throwable cause) {
    return ProviderException.outcomeUnknown(null, settings.name() + ": " + message, cause);
  }

  private static String pathOnly(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
  }

  private static String shorten(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_MESSAGE_CHARS
        ? oneLine
        : oneLine.substring(0, MAX_MESSAGE_CHARS) + "…";
  }
}
