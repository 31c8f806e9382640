package com.seedancebot.core.provider.gateway;

import com.seedancebot.core.provider.CancelOutcome;
import com.seedancebot.core.provider.ProviderException;
import com.seedancebot.core.provider.ProviderTask;
import com.seedancebot.core.provider.SubmitRequest;
import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.provider.http.HttpReply;
import com.seedancebot.core.provider.http.JsonFields;
import com.seedancebot.core.provider.http.ProviderHttp;
import com.seedancebot.core.provider.http.ProviderSettings;
import com.seedancebot.core.request.ModelFamily;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAI-style resellers' gateway client ({@code /v1/videos/generations}, {@code
 * /v1/tasks/{id}}). Thread-safe. Polls one task per request (the gateway has no batch endpoint); an
 * id the gateway answers 404 for is left out. Has no cancel endpoint.
 */
public final class GatewayVideoProvider implements VideoProvider {

  private final ProviderSettings settings;
  private final ProviderHttp http;

  public GatewayVideoProvider(ProviderSettings settings, HttpClient httpClient, JsonMapper json) {
    this(settings, httpClient, json, Clock.systemUTC());
  }

  public GatewayVideoProvider(
      ProviderSettings settings, HttpClient httpClient, JsonMapper json, Clock clock) {
    this.settings = settings;
    this.http = new ProviderHttp(settings, httpClient, json, clock);
  }

  @Override
  public String name() {
    return settings.name();
  }

  @Override
  public ModelFamily family() {
    return ModelFamily.GATEWAY;
  }

  @Override
  public int maxConcurrentTasks() {
    return settings.maxConcurrentTasks();
  }

  @Override
  public String submit(SubmitRequest request) {
    HttpReply reply =
        http.send(
            "POST", "/v1/videos/generations", GatewayRequestJson.create(request, http.json()));
    if (!reply.ok()) {
      throw failure(reply);
    }
    JsonNode body = http.readJson(reply);
    Long code = JsonFields.longValue(body, "code");
    if (code != null && code != 200) {
      throw bodyCodeFailure(reply, body, code.intValue());
    }
    JsonNode data = body.path("data");
    JsonNode first = data.isArray() ? data.path(0) : data;
    String id = JsonFields.text(first, "task_id");
    if (id == null) {
      throw http.malformed("create answer without task_id", null);
    }
    return id;
  }

  @Override
  public Map<String, ProviderTask> poll(Collection<String> taskIds) {
    Map<String, ProviderTask> found = new LinkedHashMap<>();
    for (String id : new LinkedHashSet<>(taskIds)) {
      String path = "/v1/tasks/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "?language=en";
      HttpReply reply = http.send("GET", path, null);
      if (reply.status() == 404) {
        continue;
      }
      if (!reply.ok()) {
        throw failure(reply);
      }
      JsonNode body = http.readJson(reply);
      Long code = JsonFields.longValue(body, "code");
      if (code != null && code == 404) {
        continue;
      }
      if (code != null && code != 200) {
        throw bodyCodeFailure(reply, body, code.intValue());
      }
      JsonNode data = body.path("data");
      if (!data.isObject()) {
        throw http.malformed("task answer without data", null);
      }
      found.put(id, GatewayTaskJson.parse(id, data));
    }
    return found;
  }

  /** The gateway documents no cancel endpoint: nothing is sent. */
  @Override
  public CancelOutcome cancel(String taskId) {
    return CancelOutcome.NOT_SUPPORTED;
  }

  @Override
  public InputStream download(URI resultUrl) throws IOException {
    return http.download(resultUrl);
  }

  private ProviderException failure(HttpReply reply) {
    JsonNode body = http.readJsonOrNull(reply);
    JsonNode error = body == null ? null : body.get("error");
    if (error == null || !error.isObject()) {
      String message = error != null && error.isString() ? error.stringValue() : null;
      return http.failure(reply, null, message);
    }
    return http.failure(reply, symbolicCode(error), JsonFields.text(error, "message"));
  }

  /** A 200 answer whose envelope carries another code: classified as if it were that status. */
  private ProviderException bodyCodeFailure(HttpReply reply, JsonNode body, int code) {
    HttpReply asStatus = new HttpReply(code, reply.headers(), reply.body());
    String message = JsonFields.text(body, "message");
    if (message == null) {
      message = JsonFields.text(body.path("error"), "message");
    }
    return http.failure(asStatus, null, message);
  }

  /** The gateway's {@code error.code} is the HTTP status; a non-numeric code is a real code. */
  private static String symbolicCode(JsonNode error) {
    String code = JsonFields.text(error, "code");
    return code == null || code.chars().allMatch(Character::isDigit) ? null : code;
  }
}
