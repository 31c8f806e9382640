package com.seedancebot.core.provider.ark;

import com.seedancebot.core.provider.CancelOutcome;
import com.seedancebot.core.provider.ProviderException;
import com.seedancebot.core.provider.ProviderTask;
import com.seedancebot.core.provider.SubmitRequest;
import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.provider.http.HttpReply;
import com.seedancebot.core.provider.http.JsonFields;
import com.seedancebot.core.provider.http.ProviderHttp;
import com.seedancebot.core.provider.http.ProviderSettings;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.ModelFamily;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Volcengine Ark (and BytePlus ModelArk) client: create, batch poll through the list endpoint
 * with {@code filter.task_ids}, cancel with DELETE. Thread-safe; one HTTP exchange per call except
 * {@link #poll}, which sends one list request per {@value #IDS_PER_REQUEST} ids (and per page).
 */
public final class ArkVideoProvider implements VideoProvider {

  /** Ids per list request: keeps URLs short (Ark allows page_size up to 500). */
  static final int IDS_PER_REQUEST = 100;

  private static final String TASKS = "/contents/generations/tasks";

  /** How far back (pages of 100 tasks of one model) a lost create is looked for. */
  private static final int MAX_SEARCH_PAGES = 5;

  private final ProviderSettings settings;
  private final ProviderHttp http;

  public ArkVideoProvider(ProviderSettings settings, HttpClient httpClient, JsonMapper json) {
    this(settings, httpClient, json, Clock.systemUTC());
  }

  public ArkVideoProvider(
      ProviderSettings settings, HttpClient httpClient, JsonMapper json, Clock clock) {
    this.settings = settings;
    this.http = new ProviderHttp(settings, httpClient, json, clock);
  }

  @Override
  public String name() {
    return settings.name();
  }

  @Override
  public boolean acceptsInlineMedia() {
    return settings.inlineMedia();
  }

  @Override
  public ModelFamily family() {
    return ModelFamily.ARK;
  }

  @Override
  public int maxConcurrentTasks() {
    return settings.maxConcurrentTasks();
  }

  @Override
  public boolean canFindCreated() {
    return true;
  }

  /**
   * Lists the model's tasks newest first ({@code filter.model}) back to {@code since} less a minute
   * of clock skew, and picks the one with the request's seed, duration, ratio and resolution.
   */
  @Override
  public Optional<String> findCreated(SubmitRequest request, Instant since) {
    GenerationRequest r = request.request();
    long earliest = since.minusSeconds(60).getEpochSecond();
    String model = URLEncoder.encode(r.modelId(), StandardCharsets.UTF_8);
    for (int page = 1; page <= MAX_SEARCH_PAGES; page++) {
      String query = "?page_num=" + page + "&page_size=100&filter.model=" + model;
      HttpReply reply = http.send("GET", TASKS + query, null);
      if (!reply.ok()) {
        throw failure(reply);
      }
      JsonNode items = http.readJson(reply).path("items");
      if (!items.isArray() || items.isEmpty()) {
        return Optional.empty();
      }
      boolean older = false;
      for (JsonNode item : items) {
        Long created = JsonFields.longValue(item, "created_at");
        if (created != null && created < earliest) {
          older = true;
        } else if (sameRequest(item, r)) {
          return Optional.ofNullable(JsonFields.text(item, "id"));
        }
      }
      if (older) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean sameRequest(JsonNode task, GenerationRequest r) {
    return r.seed() != null
        && r.seed().equals(JsonFields.longValue(task, "seed"))
        && (r.durationSeconds() == null
            || r.durationSeconds() < 0
            || r.durationSeconds().longValue()
                == orMinusOne(JsonFields.longValue(task, "duration")))
        && (r.ratio() == null
            || "adaptive".equals(r.ratio())
            || r.ratio().equals(JsonFields.text(task, "ratio")))
        && (r.resolution() == null || r.resolution().equals(JsonFields.text(task, "resolution")));
  }

  private static long orMinusOne(Long value) {
    return value == null ? -1 : value;
  }

  @Override
  public String submit(SubmitRequest request) {
    HttpReply reply = http.send("POST", TASKS, ArkRequestJson.create(request, http.json()));
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
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(taskIds));
    Map<String, ProviderTask> found = new LinkedHashMap<>();
    for (int from = 0; from < ids.size(); from += IDS_PER_REQUEST) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_REQUEST));
      pollChunk(chunk, found);
    }
    return found;
  }

  private void pollChunk(List<String> chunk, Map<String, ProviderTask> found) {
    Set<String> wanted = Set.copyOf(chunk);
    StringBuilder filter = new StringBuilder();
    for (String id : chunk) {
      filter.append("&filter.task_ids=").append(URLEncoder.encode(id, StandardCharsets.UTF_8));
    }
    int seen = 0;
    for (int page = 1; ; page++) {
      String query = "?page_num=" + page + "&page_size=" + chunk.size() + filter;
      HttpReply reply = http.send("GET", TASKS + query, null);
      if (!reply.ok()) {
        throw failure(reply);
      }
      JsonNode body = http.readJson(reply);
      JsonNode items = body.path("items");
      if (!items.isArray()) {
        throw http.malformed("list answer without items", null);
      }
      for (JsonNode item : items) {
        ProviderTask task = ArkTaskJson.parse(item);
        if (wanted.contains(task.taskId())) {
          found.put(task.taskId(), task);
        }
      }
      seen += items.size();
      Long total = JsonFields.longValue(body, "total");
      if (items.isEmpty() || total == null || seen >= total) {
        return;
      }
    }
  }

  /**
   * DELETE the task: 2xx means a queued task was cancelled. Ark refuses running and cancelled tasks
   * with an undocumented 4xx, read as {@link CancelOutcome#TOO_LATE}; 401/402/403 are operator
   * problems and 429/5xx transient, thrown as such.
   */
  @Override
  public CancelOutcome cancel(String taskId) {
    HttpReply reply =
        http.send("DELETE", TASKS + "/" + URLEncoder.encode(taskId, StandardCharsets.UTF_8), null);
    if (reply.ok()) {
      return CancelOutcome.CANCELLED;
    }
    int s = reply.status();
    if (s == 401 || s == 402 || s == 403 || s == 408 || s == 429 || s >= 500) {
      throw failure(reply);
    }
    return CancelOutcome.TOO_LATE;
  }

  @Override
  public InputStream download(URI resultUrl) throws IOException {
    return http.download(resultUrl);
  }

  private ProviderException failure(HttpReply reply) {
    JsonNode body = http.readJsonOrNull(reply);
    JsonNode error = body == null ? null : body.get("error");
    if (error == null || !error.isObject()) {
      return http.failure(reply, null, null);
    }
    return http.failure(reply, JsonFields.text(error, "code"), JsonFields.text(error, "message"));
  }
}
