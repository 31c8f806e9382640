package com.seedancebot.core.provider.fake;

import com.seedancebot.core.provider.TaskState;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake OpenAI-style Seedance gateway (PROVIDERS.md §2): {@code POST /v1/videos/generations},
 * {@code GET /v1/tasks/{id}?language=…}, the {@code {"error":{"code":N,…}}} envelope, 404 for
 * unknown ids, no cancel endpoint. Statuses pending → processing → completed | failed, with
 * progress. A refused output is reported as {@code data.error.message} starting with Ark's code.
 * Run by hand with {@link #main}.
 */
public final class FakeGatewayServer extends FakeProviderServer {

  private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  private FakeGatewayServer(String apiKey, Clock clock, int port) {
    super(apiKey, clock, port);
  }

  public static FakeGatewayServer start() {
    return start(DEFAULT_API_KEY);
  }

  public static FakeGatewayServer start(String apiKey) {
    return start(apiKey, Clock.systemUTC(), 0);
  }

  public static FakeGatewayServer start(String apiKey, Clock clock, int port) {
    return new FakeGatewayServer(apiKey, clock, port);
  }

  /** {@code FakeGatewayServer [port] [apiKey]}: serves until killed, printing its base URL. */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    serveUntilKilled(start(args.length > 1 ? args[1] : DEFAULT_API_KEY, Clock.systemUTC(), port));
  }

  @Override
  protected String basePath() {
    return "";
  }

  @Override
  protected void route(FakeExchange fx, String path) throws IOException {
    if (path.equals("/v1/videos/generations") && fx.method().equals("POST")) {
      create(fx);
    } else if (path.startsWith("/v1/tasks/") && fx.method().equals("GET")) {
      status(fx, path.substring("/v1/tasks/".length()));
    } else {
      error(fx, 404, null, "Not found", Map.of());
    }
  }

  private void create(FakeExchange fx) throws IOException {
    if (fx.json() == null || !fx.json().isObject()) {
      error(fx, 400, null, "Invalid JSON body", Map.of());
      return;
    }
    List<GatewayCreateValidator.Media> media = new ArrayList<>();
    Optional<String> problem = GatewayCreateValidator.validate(fx.json(), media);
    if (problem.isEmpty()) {
      for (GatewayCreateValidator.Media m : media) {
        FetchedMedia f = fetch(m.url());
        problem =
            m.kind().equals("image")
                ? imageProblem(f)
                : f.status() == 0 || f.ok()
                    ? Optional.empty()
                    : Optional.of("failed to download " + m.kind() + ": " + f.error());
        if (problem.isPresent()) {
          break;
        }
      }
    }
    if (problem.isPresent()) {
      error(fx, 400, null, problem.get(), Map.of());
      return;
    }
    StringBuilder id = new StringBuilder("task_01");
    for (int i = 0; i < 24; i++) {
      id.append(CROCKFORD.charAt(ThreadLocalRandom.current().nextInt(32)));
    }
    createTask(id.toString(), fx.json().get("model").stringValue(), fx.json());
    ObjectNode out = JSON.createObjectNode().put("code", 200);
    out.putArray("data").addObject().put("status", "submitted").put("task_id", id.toString());
    fx.sendJson(200, out.toString());
  }

  private void status(FakeExchange fx, String id) throws IOException {
    FakeTask t = task(id);
    if (t == null) {
      error(fx, 404, null, "Task not found: " + id, Map.of());
      return;
    }
    observe(t);
    ObjectNode out = JSON.createObjectNode().put("code", 200);
    ObjectNode data = out.putObject("data");
    synchronized (t) {
      data.put("id", t.id).put("status", statusName(t)).put("progress", progress(t));
      if (t.state == TaskState.SUCCEEDED) {
        ObjectNode result = data.putObject("result");
        ObjectNode video = result.putArray("videos").addObject();
        video.putArray("url").add(t.videoUrl.toString());
        video.put("expires_at", t.finishedAt.plus(Duration.ofHours(24)).getEpochSecond());
        if (t.lastFrameUrl != null) {
          result.put("last_frame_url", t.lastFrameUrl.toString());
        }
      }
      if (t.state == TaskState.FAILED) {
        String message =
            t.outcome.errorMessage() == null ? "generation failed" : t.outcome.errorMessage();
        data.putObject("error")
            .put(
                "message",
                t.outcome.errorCode() == null ? message : t.outcome.errorCode() + ": " + message);
      }
      data.put("created", t.createdAt.getEpochSecond());
      if (t.finishedAt != null) {
        data.put("completed", t.finishedAt.getEpochSecond());
        data.put("actual_time", t.finishedAt.getEpochSecond() - t.createdAt.getEpochSecond());
      }
      data.put("estimated_time", 600);
    }
    fx.sendJson(200, out.toString());
  }

  private static String statusName(FakeTask t) {
    return switch (t.state) {
      case QUEUED -> "pending";
      case RUNNING -> "processing";
      case SUCCEEDED -> "completed";
      case FAILED, EXPIRED -> "failed";
      case CANCELLED -> "cancelled";
    };
  }

  private static int progress(FakeTask t) {
    return switch (t.state) {
      case QUEUED -> 0;
      case RUNNING -> 50;
      case SUCCEEDED -> 100;
      case FAILED, EXPIRED, CANCELLED -> 0;
    };
  }

  @Override
  protected boolean wantsLastFrame(FakeTask task) {
    return task.flag("return_last_frame", false);
  }

  @Override
  protected void error(
      FakeExchange fx, int status, String code, String message, Map<String, String> headers)
      throws IOException {
    ObjectNode n = JSON.createObjectNode();
    String text = code != null && status == 400 ? code + ": " + message : message;
    n.putObject("error").put("code", status).put("message", text).put("type", type(status));
    fx.sendJson(status, n.toString(), headers);
  }

  /** Echoes the presented key, as some resellers do: clients must keep it out of their errors. */
  @Override
  protected void unauthorized(FakeExchange fx, String presentedToken) throws IOException {
    error(
        fx,
        401,
        null,
        "Authentication failed, please check your API key: " + presentedToken,
        Map.of());
  }

  static String type(int status) {
    return switch (status) {
      case 400 -> "invalid_request_error";
      case 401 -> "authentication_error";
      case 402 -> "payment_required";
      case 404 -> "not_found_error";
      case 429 -> "rate_limit_error";
      default -> status >= 500 ? "server_error" : "invalid_request_error";
    };
  }
}
