package com.seedancebot.core.provider.globalaiopc;

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
 * The GlobalAiOpc client ({@code /v1/kyyvideo2/videos}, {@code /v1/result/{id}}). Thread-safe.
 * Polls one task per request; an id answered with 404 is left out. Its error format is
 * undocumented: the gateway envelope, {@code {"error":"text"}} and plain text are all read. No
 * cancel endpoint.
 */
public final class GlobalAiOpcVideoProvider implements VideoProvider {

  private final ProviderSettings settings;
  private final ProviderHttp http;

  public GlobalAiOpcVideoProvider(
      ProviderSettings settings, HttpClient httpClient, JsonMapper json) {
    this(settings, httpClient, json, Clock.systemUTC());
  }

  public GlobalAiOpcVideoProvider(
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
    return ModelFamily.GLOBALAIOPC;
  }

  @Override
  public int maxConcurrentTasks() {
    return settings.maxConcurrentTasks();
  }

  @Override
  public String submit(SubmitRequest request) {
    HttpReply reply =
        http.send(
            "POST", "/v1/kyyvideo2/videos", GlobalAiOpcRequestJson.create(request, http.json()));
    if (!reply.ok()) {
      throw failure(reply);
    }
    String id = JsonFields.text(http.readJson(reply), "id");
    if (id == null) {
      throw http.malformed("create answer without id", null);
    }
    return id;
  }

  @Override
  public Map<String, ProviderTask> poll(Collection<String> taskIds) {
    Map<String, ProviderTask> found = new LinkedHashMap<>();
    for (String id : new LinkedHashSet<>(taskIds)) {
      HttpReply reply =
          http.send("GET", "/v1/result/" + URLEncoder.encode(id, StandardCharsets.UTF_8), null);
      if (reply.status() == 404) {
        continue;
      }
      if (!reply.ok()) {
        throw failure(reply);
      }
      found.put(id, GlobalAiOpcTaskJson.parse(id, http.readJson(reply)));
    }
    return found;
  }

  /** GlobalAiOpc documents no cancel endpoint: nothing is sent. */
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
    if (error != null && error.isObject()) {
      String code = JsonFields.text(error, "code");
      boolean numeric = code == null || code.chars().allMatch(Character::isDigit);
      return http.failure(reply, numeric ? null : code, JsonFields.text(error, "message"));
    }
    if (error != null && error.isString()) {
      return http.failure(reply, null, error.stringValue());
    }
    String message = body == null ? null : JsonFields.text(body, "message");
    return http.failure(reply, null, message);
  }
}
