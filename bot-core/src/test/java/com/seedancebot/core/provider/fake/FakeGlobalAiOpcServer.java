package com.seedancebot.core.provider.fake;

import com.seedancebot.core.provider.TaskState;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake GlobalAiOpc (PROVIDERS.md §3): {@code POST /kyyReactApiServer/v1/kyyvideo2/videos} with
 * its camelCase fields, {@code GET /kyyReactApiServer/v1/result/{id}} with statuses queued →
 * processing → completed | failed and a string {@code error}. Its HTTP error format is
 * undocumented: 4xx use the gateway envelope, 5xx answer plain text. No cancel endpoint. Run by
 * hand with {@link #main}.
 */
public final class FakeGlobalAiOpcServer extends FakeProviderServer {

  public static final String BASE_PATH = "/kyyReactApiServer";
  static final Set<String> MODELS =
      Set.of("seedance_2_0", "seedance_2_0_fast", "seedance_2_0_pro", "seedance_2_0_fast_pro");
  private static final Set<String> FIELDS =
      Set.of(
          "model",
          "prompt",
          "duration",
          "aspect_ratio",
          "generateAudio",
          "first_image",
          "last_image",
          "referenceImages",
          "referenceVideos",
          "referenceAudios");
  private static final Set<String> RATIOS =
      Set.of("16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "adaptive");

  private FakeGlobalAiOpcServer(String apiKey, Clock clock, int port) {
    super(apiKey, clock, port);
  }

  public static FakeGlobalAiOpcServer start() {
    return start(DEFAULT_API_KEY);
  }

  public static FakeGlobalAiOpcServer start(String apiKey) {
    return start(apiKey, Clock.systemUTC(), 0);
  }

  public static FakeGlobalAiOpcServer start(String apiKey, Clock clock, int port) {
    return new FakeGlobalAiOpcServer(apiKey, clock, port);
  }

  /** {@code FakeGlobalAiOpcServer [port] [apiKey]}: serves until killed, printing its base URL. */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    serveUntilKilled(start(args.length > 1 ? args[1] : DEFAULT_API_KEY, Clock.systemUTC(), port));
  }

  @Override
  protected String basePath() {
    return BASE_PATH;
  }

  @Override
  protected void route(FakeExchange fx, String path) throws IOException {
    if (path.equals("/v1/kyyvideo2/videos") && fx.method().equals("POST")) {
      create(fx);
    } else if (path.startsWith("/v1/result/") && fx.method().equals("GET")) {
      result(fx, path.substring("/v1/result/".length()));
    } else {
      error(fx, 404, null, "Not Found", Map.of());
    }
  }

  private void create(FakeExchange fx) throws IOException {
    JsonNode body = fx.json();
    if (body == null || !body.isObject()) {
      error(fx, 400, null, "Invalid JSON body", Map.of());
      return;
    }
    List<String[]> media = new ArrayList<>();
    Optional<String> problem = validate(body, media);
    for (int i = 0; problem.isEmpty() && i < media.size(); i++) {
      FetchedMedia f = fetch(media.get(i)[1]);
      problem =
          media.get(i)[0].equals("image")
              ? imageProblem(f)
              : f.status() == 0 || f.ok()
                  ? Optional.empty()
                  : Optional.of("failed to download " + media.get(i)[1] + ": " + f.error());
    }
    if (problem.isPresent()) {
      error(fx, 400, null, problem.get(), Map.of());
      return;
    }
    String id = "video_" + UUID.randomUUID();
    FakeTask t = createTask(id, body.get("model").stringValue(), body);
    fx.sendJson(200, resultJson(t).toString());
  }

  static Optional<String> validate(JsonNode body, List<String[]> media) {
    for (String f : body.propertyNames()) {
      if (!FIELDS.contains(f)) {
        return Optional.of("unknown parameter: " + f);
      }
    }
    String model = body.path("model").asString("");
    if (!MODELS.contains(model)) {
      return Optional.of("model must be one of " + MODELS);
    }
    if (!body.path("prompt").isString() || body.path("prompt").stringValue().isBlank()) {
      return Optional.of("prompt is required");
    }
    JsonNode d = body.get("duration");
    if (d != null && (!d.isIntegralNumber() || d.asInt() < 4 || d.asInt() > 15)) {
      return Optional.of("duration must be an integer from 4 to 15");
    }
    JsonNode ratio = body.get("aspect_ratio");
    if (ratio != null && (!ratio.isString() || !RATIOS.contains(ratio.stringValue()))) {
      return Optional.of("aspect_ratio must be one of " + RATIOS);
    }
    if (body.has("generateAudio") && !body.get("generateAudio").isBoolean()) {
      return Optional.of("generateAudio must be a boolean");
    }
    boolean frames = body.has("first_image") || body.has("last_image");
    boolean refs =
        body.has("referenceImages") || body.has("referenceVideos") || body.has("referenceAudios");
    if (body.has("last_image") && !body.has("first_image")) {
      return Optional.of("last_image must be used together with first_image");
    }
    if (frames && refs) {
      return Optional.of("first_image/last_image and reference lists are mutually exclusive");
    }
    for (String f : List.of("first_image", "last_image")) {
      if (body.has(f)) {
        if (!body.get(f).isString()) {
          return Optional.of(f + " must be a URL");
        }
        media.add(new String[] {"image", body.get(f).stringValue()});
      }
    }
    Optional<String> lists =
        list(body, "referenceImages", 1, 9, "image", media)
            .or(() -> list(body, "referenceVideos", 1, 3, "video", media))
            .or(() -> list(body, "referenceAudios", 1, 3, "audio", media));
    if (lists.isPresent()) {
      return lists;
    }
    if ((model.equals("seedance_2_0") || model.equals("seedance_2_0_fast"))
        && !body.has("referenceVideos")) {
      return Optional.of(model + " only supports generation with reference videos");
    }
    return Optional.empty();
  }

  private static Optional<String> list(
      JsonNode body, String field, int min, int max, String kind, List<String[]> media) {
    JsonNode v = body.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isArray() || v.size() < min || v.size() > max) {
      return Optional.of(field + " must hold " + min + " to " + max + " URLs");
    }
    for (JsonNode u : v) {
      if (!u.isString()) {
        return Optional.of(field + " must hold URLs");
      }
      media.add(new String[] {kind, u.stringValue()});
    }
    return Optional.empty();
  }

  private void result(FakeExchange fx, String id) throws IOException {
    FakeTask t = task(id);
    if (t == null) {
      error(fx, 404, null, "task not found", Map.of());
      return;
    }
    observe(t);
    fx.sendJson(200, resultJson(t).toString());
  }

  private ObjectNode resultJson(FakeTask t) {
    synchronized (t) {
      ObjectNode n = JSON.createObjectNode();
      n.put("id", t.id).put("object", "video").put("created", t.createdAt.getEpochSecond());
      n.put("model", t.model).put("status", statusName(t));
      if (t.state == TaskState.SUCCEEDED) {
        n.put("video_url", t.videoUrl.toString());
        n.put("actualDuration", t.number("duration", 5));
        n.put("totalTokens", ArkOutputSizes.tokens("720p", "16:9", t.number("duration", 5)));
      } else {
        n.putNull("video_url");
      }
      if (t.state == TaskState.FAILED) {
        String code = t.outcome.errorCode();
        String msg =
            t.outcome.errorMessage() == null ? "generation failed" : t.outcome.errorMessage();
        n.put("error", code == null ? msg : code + ": " + msg);
      } else {
        n.putNull("error");
      }
      return n;
    }
  }

  private static String statusName(FakeTask t) {
    return switch (t.state) {
      case QUEUED -> "queued";
      case RUNNING -> "processing";
      case SUCCEEDED -> "completed";
      case FAILED, EXPIRED, CANCELLED -> "failed";
    };
  }

  @Override
  protected boolean wantsLastFrame(FakeTask task) {
    return false;
  }

  @Override
  protected void error(
      FakeExchange fx, int status, String code, String message, Map<String, String> headers)
      throws IOException {
    if (status >= 500) {
      fx.send(status, "text/plain; charset=utf-8", utf8("Internal Server Error"), headers);
      return;
    }
    ObjectNode n = JSON.createObjectNode();
    String text = code != null && status == 400 ? code + ": " + message : message;
    n.putObject("error")
        .put("code", status)
        .put("message", text)
        .put("type", FakeGatewayServer.type(status));
    fx.sendJson(status, n.toString(), headers);
  }

  /** Echoes the presented key: clients must keep it out of their errors. */
  @Override
  protected void unauthorized(FakeExchange fx, String presentedToken) throws IOException {
    error(fx, 401, null, "Invalid token: " + presentedToken, Map.of());
  }
}
