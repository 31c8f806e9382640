package com.seedancebot.core.provider.fake;

import com.seedancebot.core.provider.TaskState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake Volcengine Ark speaking {@code /api/v3/contents/generations/tasks} exactly as PROVIDERS.md
 * §1 describes it: create (rejecting unknown fields and bad roles with 400 {@code
 * InvalidParameter}), get, list with {@code filter.task_ids} and paging, DELETE semantics (queued →
 * cancelled, finished → deleted, running / cancelled → refused), callbacks on every status change,
 * Ark's error envelope. Run by hand with {@link #main}.
 */
public final class FakeArkServer extends FakeProviderServer {

  public static final String BASE_PATH = "/api/v3";
  private static final String TASKS = "/contents/generations/tasks";
  private static final Set<String> LIST_PARAMS =
      Set.of(
          "page_num",
          "page_size",
          "filter.status",
          "filter.model",
          "filter.task_ids",
          "filter.service_tier");
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.ofHours(8));

  private final HttpClient callbackClient =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /**
   * Callbacks are sent side by side for different tasks (as a real provider's callback service
   * does), one task's in order: each task's callbacks go through one of these single threads.
   */
  private final List<ExecutorService> callbackSenders =
      java.util.stream.Stream.generate(Executors::newSingleThreadExecutor).limit(8).toList();

  private final List<CallbackAttempt> callbacks = new ArrayList<>();
  private volatile int pageSizeCap = 500;
  private volatile Duration createAnswerDelay = Duration.ZERO;

  private FakeArkServer(String apiKey, Clock clock, int port) {
    super(apiKey, clock, port);
  }

  /** Starts on a free port with {@link #DEFAULT_API_KEY}. */
  public static FakeArkServer start() {
    return start(DEFAULT_API_KEY);
  }

  public static FakeArkServer start(String apiKey) {
    return start(apiKey, Clock.systemUTC(), 0);
  }

  public static FakeArkServer start(String apiKey, Clock clock, int port) {
    return new FakeArkServer(apiKey, clock, port);
  }

  /** {@code FakeArkServer [port] [apiKey]}: serves until killed, printing its base URL. */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    serveUntilKilled(start(args.length > 1 ? args[1] : DEFAULT_API_KEY, Clock.systemUTC(), port));
  }

  /**
   * Serves at most this many items per list page whatever {@code page_size} asks (the real cap is
   * 500): a lever to make clients page.
   */
  public void capPageSize(int max) {
    this.pageSizeCap = max;
  }

  /**
   * Creates are handled at once (the task exists and starts queued) but answered only after {@code
   * delay}: a client that dies or gives up meanwhile has made a task without learning its id.
   */
  public void slowCreateAnswers(Duration delay) {
    this.createAnswerDelay = delay;
  }

  /** Every callback POST made so far, in order. */
  public List<CallbackAttempt> callbacks() {
    synchronized (callbacks) {
      return List.copyOf(callbacks);
    }
  }

  /** Waits until at least {@code count} callbacks were made (or the timeout passed). */
  public List<CallbackAttempt> awaitCallbacks(int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (callbacks) {
      while (callbacks.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        callbacks.wait(Math.max(1, left / 1_000_000));
      }
      return List.copyOf(callbacks);
    }
  }

  @Override
  public void close() {
    callbackSenders.forEach(ExecutorService::shutdownNow);
    super.close();
  }

  @Override
  protected String basePath() {
    return BASE_PATH;
  }

  @Override
  protected void route(FakeExchange fx, String path) throws IOException {
    if (path.equals(TASKS) && fx.method().equals("POST")) {
      create(fx);
    } else if (path.equals(TASKS) && fx.method().equals("GET")) {
      list(fx);
    } else if (path.startsWith(TASKS + "/") && fx.method().equals("GET")) {
      get(fx, path.substring(TASKS.length() + 1));
    } else if (path.startsWith(TASKS + "/") && fx.method().equals("DELETE")) {
      delete(fx, path.substring(TASKS.length() + 1));
    } else {
      error(fx, 404, "NotFound", "The requested resource does not exist.", Map.of());
    }
  }

  private void create(FakeExchange fx) throws IOException {
    JsonNode body = fx.json();
    if (body == null || !body.isObject()) {
      error(fx, 400, "InvalidParameter", "The request body is not valid JSON.", Map.of());
      return;
    }
    List<ArkCreateValidator.Media> media = new ArrayList<>();
    Optional<Rejection> rejection = ArkCreateValidator.validate(body, media);
    if (rejection.isEmpty()) {
      rejection = fetchAll(media);
    }
    if (rejection.isPresent()) {
      Rejection r = rejection.get();
      errorWithParam(fx, r.status(), r.code(), r.param(), r.message());
      return;
    }
    String id;
    do { // Ark's ids are unique; five random characters alone collide within ~1,000 tasks a second
      id =
          "cgt-"
              + ID_TIME.format(clock.instant())
              + "-"
              + HexFormat.of().formatHex(randomBytes()).substring(0, 5);
    } while (task(id) != null);
    FakeTask t = createTask(id, body.get("model").stringValue(), body);
    long seed = t.number("seed", -1);
    synchronized (t) {
      t.seed = seed >= 0 ? seed : ThreadLocalRandom.current().nextLong(0, 1L << 31);
    }
    Duration delay = createAnswerDelay;
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    fx.sendJson(200, JSON.createObjectNode().put("id", id).toString());
  }

  private Optional<Rejection> fetchAll(List<ArkCreateValidator.Media> media) {
    for (ArkCreateValidator.Media m : media) {
      FetchedMedia f = fetch(m.url());
      Optional<String> problem =
          m.type().equals("image_url")
              ? imageProblem(f)
              : f.status() == 0 || f.ok()
                  ? Optional.empty()
                  : Optional.of("the file could not be downloaded: " + f.error());
      if (problem.isPresent()) {
        return Optional.of(Rejection.invalid(m.param(), problem.get()));
      }
    }
    return Optional.empty();
  }

  private void get(FakeExchange fx, String id) throws IOException {
    FakeTask t = task(id);
    if (t == null) {
      notFound(fx, id);
      return;
    }
    observe(t);
    fx.sendJson(200, taskJson(t).toString());
  }

  private void list(FakeExchange fx) throws IOException {
    RecordedRequest r = fx.request;
    for (String p : r.query().keySet()) {
      if (!LIST_PARAMS.contains(p)) {
        errorWithParam(fx, 400, "InvalidParameter", p, "The parameter `" + p + "` is not valid.");
        return;
      }
    }
    Integer pageNum = intParam(r, "page_num", 1, 1, Integer.MAX_VALUE);
    Integer pageSize = intParam(r, "page_size", 10, 1, 500);
    if (pageNum == null || pageSize == null) {
      String p = pageNum == null ? "page_num" : "page_size";
      errorWithParam(fx, 400, "InvalidParameter", p, "The parameter `" + p + "` is not valid.");
      return;
    }
    List<String> ids = r.queryValues("filter.task_ids");
    String status = r.queryValue("filter.status");
    String model = r.queryValue("filter.model");
    // With filter.task_ids, look the ids up instead of scanning every task (10,000s in benchmarks)
    List<FakeTask> candidates =
        ids.isEmpty()
            ? tasksNewestFirst()
            : Set.copyOf(ids).stream()
                .map(this::task)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparingLong((FakeTask t) -> t.sequence).reversed())
                .toList();
    List<FakeTask> matching =
        candidates.stream()
            .filter(t -> model == null || model.equals(t.model))
            .filter(t -> status == null || status.equals(statusName(t)))
            .toList();
    int size = Math.min(pageSize, pageSizeCap);
    int from = (int) Math.min((long) (pageNum - 1) * size, matching.size());
    List<FakeTask> page = matching.subList(from, Math.min(matching.size(), from + size));
    ObjectNode out = JSON.createObjectNode().put("total", matching.size());
    var items = out.putArray("items");
    for (FakeTask t : page) {
      observe(t);
      items.add(taskJson(t));
    }
    fx.sendJson(200, out.toString());
  }

  private void delete(FakeExchange fx, String id) throws IOException {
    FakeTask t = task(id);
    if (t == null) {
      notFound(fx, id);
      return;
    }
    if (cancelIfQueued(t)) {
      fx.sendJson(200, "{}");
      return;
    }
    TaskState state;
    synchronized (t) {
      state = t.state;
    }
    switch (state) {
      case SUCCEEDED, FAILED, EXPIRED -> {
        removeTask(id);
        fx.sendJson(200, "{}");
      }
      case QUEUED, RUNNING, CANCELLED ->
          error(
              fx,
              400,
              "OperationDenied.TaskStatus",
              "The task " + id + " cannot be cancelled or deleted in status " + statusName(t) + ".",
              Map.of());
    }
  }

  private void notFound(FakeExchange fx, String id) throws IOException {
    error(fx, 404, "ResourceNotFound", "The task " + id + " does not exist.", Map.of());
  }

  /** The task body, as Get, list items and callbacks carry it. */
  ObjectNode taskJson(FakeTask t) {
    synchronized (t) {
      ArkFakeModel model = ArkFakeModel.find(t.model).orElseThrow();
      ObjectNode n = JSON.createObjectNode();
      n.put("id", t.id).put("model", t.model).put("status", statusName(t));
      if (t.state == TaskState.FAILED) {
        n.putObject("error")
            .put("code", t.outcome.errorCode())
            .put("message", t.outcome.errorMessage());
      } else {
        n.putNull("error");
      }
      boolean withImage = t.request.path("content").findValues("image_url").size() > 0;
      String ratio = t.field("ratio", model.defaultRatio(withImage));
      String shownRatio = ratio.equals("adaptive") ? "16:9" : ratio;
      String resolution = t.field("resolution", model.defaultResolution());
      long duration = t.number("duration", 5) == -1 ? 5 : t.number("duration", 5);
      if (t.state == TaskState.SUCCEEDED) {
        ObjectNode content = n.putObject("content").put("video_url", t.videoUrl.toString());
        if (t.lastFrameUrl != null) {
          content.put("last_frame_url", t.lastFrameUrl.toString());
        }
        long tokens = ArkOutputSizes.tokens(resolution, shownRatio, duration);
        n.putObject("usage").put("completion_tokens", tokens).put("total_tokens", tokens);
      }
      n.put("created_at", t.createdAt.getEpochSecond());
      n.put("updated_at", t.updatedAt.getEpochSecond());
      n.put("seed", t.seed);
      n.put("resolution", resolution);
      n.put("ratio", shownRatio);
      n.put("duration", duration);
      n.put("framespersecond", 24);
      n.put("service_tier", t.field("service_tier", "default"));
      n.put("execution_expires_after", t.number("execution_expires_after", 172800));
      if (model.audio()) {
        n.put("generate_audio", t.flag("generate_audio", true));
      }
      n.put("draft", t.flag("draft", false));
      if (t.request.has("safety_identifier")) {
        n.put("safety_identifier", t.field("safety_identifier", null));
      }
      return n;
    }
  }

  static String statusName(FakeTask t) {
    return switch (t.state) {
      case QUEUED -> "queued";
      case RUNNING -> "running";
      case SUCCEEDED -> "succeeded";
      case FAILED -> "failed";
      case EXPIRED -> "expired";
      case CANCELLED -> "cancelled";
    };
  }

  @Override
  protected boolean wantsLastFrame(FakeTask task) {
    return task.flag("return_last_frame", false);
  }

  @Override
  protected void onStateChange(FakeTask t) {
    String url = t.field("callback_url", null);
    if (url == null) {
      return;
    }
    ObjectNode body = taskJson(t);
    String status = body.get("status").stringValue();
    boolean isFinal = status.equals("succeeded") || status.equals("failed");
    callbackSenders
        .get(Math.floorMod(t.id.hashCode(), callbackSenders.size()))
        .execute(() -> deliver(url, t.id, status, body, isFinal ? 4 : 1));
  }

  private void deliver(String url, String taskId, String status, ObjectNode body, int attempts) {
    for (int attempt = 1; attempt <= attempts; attempt++) {
      int code;
      try {
        HttpRequest req =
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        code = callbackClient.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException | IllegalArgumentException e) {
        code = -1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      synchronized (callbacks) {
        callbacks.add(new CallbackAttempt(url, taskId, status, attempt, code, body));
        callbacks.notifyAll();
      }
      if (code / 100 == 2) {
        return;
      }
    }
  }

  @Override
  protected void error(
      FakeExchange fx, int status, String code, String message, Map<String, String> headers)
      throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.putObject("error")
        .put("code", code)
        .put("message", message + " Request id: " + requestId())
        .put("param", "")
        .put("type", type(status));
    fx.sendJson(status, n.toString(), headers);
  }

  private void errorWithParam(FakeExchange fx, int status, String code, String param, String msg)
      throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.putObject("error")
        .put("code", code)
        .put("message", msg + " Request id: " + requestId())
        .put("param", param)
        .put("type", type(status));
    fx.sendJson(status, n.toString());
  }

  @Override
  protected void unauthorized(FakeExchange fx, String presentedToken) throws IOException {
    error(
        fx,
        401,
        "AuthenticationError",
        "The API key or AK/SK in the request is missing or invalid.",
        Map.of());
  }

  private static String type(int status) {
    return switch (status) {
      case 400 -> "BadRequest";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 429 -> "TooManyRequests";
      default -> "InternalServerError";
    };
  }

  private static Integer intParam(RecordedRequest r, String name, int dflt, int min, int max) {
    String v = r.queryValue(name);
    if (v == null) {
      return dflt;
    }
    try {
      int i = Integer.parseInt(v);
      return i >= min && i <= max ? i : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private String requestId() {
    return ID_TIME.format(Instant.now(clock)) + HexFormat.of().formatHex(randomBytes());
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[8];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }
}
