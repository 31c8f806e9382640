package com.seedancebot.core.bench;

import com.seedancebot.core.job.JobOutcomes;
import com.seedancebot.core.job.JobRepository;
import com.seedancebot.core.job.ResultCollector;
import com.seedancebot.core.provider.ProviderTask;
import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.provider.ark.ArkTaskJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline the tracker is compared with: every poll interval, one {@code GET
 * /contents/generations/tasks/{id}} per unfinished task, no batching, no backoff. A success is
 * collected and ended exactly as the tracker does it ({@link ResultCollector}, {@link
 * JobOutcomes#succeed}), so the same {@code DeliveryService} posts it. Like the tracker it handles
 * at most {@link #BATCH} tasks per scheduler tick, so delivery gets its turn on the same thread; a
 * pass over all tasks that takes longer than the interval simply starts the next one late.
 * Single-threaded.
 */
final class NaivePoller {

  static final int BATCH = 500;

  private final HttpClient http;
  private final URI tasksBase;
  private final String apiKey;
  private final JsonMapper json;
  private final VideoProvider provider;
  private final JobRepository jobs;
  private final ResultCollector results;
  private final JobOutcomes outcomes;
  private final long intervalNanos;
  private final Map<String, String> pending = new LinkedHashMap<>();
  private List<Map.Entry<String, String>> pass = List.of();
  private int cursor;
  private long nextPassAt;
  private int passes;

  NaivePoller(
      HttpClient http,
      URI baseUrl,
      String apiKey,
      JsonMapper json,
      VideoProvider provider,
      JobRepository jobs,
      ResultCollector results,
      JobOutcomes outcomes,
      Duration interval,
      Map<String, String> taskIdByJobId) {
    this.http = http;
    this.tasksBase = URI.create(baseUrl + "/contents/generations/tasks/");
    this.apiKey = apiKey;
    this.json = json;
    this.provider = provider;
    this.jobs = jobs;
    this.results = results;
    this.outcomes = outcomes;
    this.intervalNanos = interval.toNanos();
    this.pending.putAll(taskIdByJobId);
    this.nextPassAt = System.nanoTime();
  }

  /** Continues the current pass (or starts one when the interval is up) for up to BATCH tasks. */
  void tick() throws IOException, InterruptedException {
    if (cursor >= pass.size()) {
      if (System.nanoTime() < nextPassAt || pending.isEmpty()) {
        return;
      }
      nextPassAt = System.nanoTime() + intervalNanos;
      pass = new ArrayList<>(pending.entrySet());
      cursor = 0;
      passes++;
    }
    int end = Math.min(pass.size(), cursor + BATCH);
    for (; cursor < end; cursor++) {
      String jobId = pass.get(cursor).getKey();
      ProviderTask task = get(pass.get(cursor).getValue());
      if (task.state() == TaskState.SUCCEEDED) {
        var job = jobs.find(jobId).orElseThrow();
        outcomes.succeed(job, results.collect(provider, task));
        pending.remove(jobId);
      }
    }
  }

  /** Passes started so far. */
  int passes() {
    return passes;
  }

  private ProviderTask get(String taskId) throws IOException, InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(tasksBase.resolve(taskId))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + apiKey)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("GET task " + taskId + ": HTTP " + r.statusCode());
    }
    return ArkTaskJson.parse(r.body(), json);
  }
}
