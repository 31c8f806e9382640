package com.seedancebot.core.provider.fake;

import com.seedancebot.core.provider.TaskState;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the three fake Seedance providers share: a loopback HTTP server that records every request,
 * checks the Bearer key, answers scripted {@link Fault}s, keeps tasks that move on a controllable
 * {@link Progression}, serves results (a real MP4 and a PNG last frame) from a separate {@link
 * FakeMediaHost} at pre-signed URLs, and fetches the media URLs it is given. Subclasses speak one
 * family's wire format. Thread-safe; close it to free the ports (hung requests are released).
 */
public abstract class FakeProviderServer implements AutoCloseable {

  /** The key the fakes accept unless another is given. */
  public static final String DEFAULT_API_KEY = "fake-test-key";

  /** Size of the served last-frame PNG: large enough to be a valid input image (≥ 300 px). */
  public static final int LAST_FRAME_WIDTH = 480;

  public static final int LAST_FRAME_HEIGHT = 320;

  protected static final JsonMapper JSON = JsonMapper.builder().build();

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY every answer waits
    // ~40 ms for the client's delayed ACK. Must be set before the first HttpServer is created.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final String apiKey;
  protected final Clock clock;
  private final FakeMediaHost results;
  private final HttpClient fetcher =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final List<FetchedMedia> fetched = new CopyOnWriteArrayList<>();
  private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
  private final Deque<FakeTask.Outcome> outcomes = new ConcurrentLinkedDeque<>();
  private final Map<String, FakeTask> tasks = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final List<FakeTask> created = new CopyOnWriteArrayList<>();
  private final AtomicInteger peakUnfinished = new AtomicInteger();
  private final Map<HttpExchange, RecordedRequest> inProgress = new ConcurrentHashMap<>();
  private final List<Fault> injected = new CopyOnWriteArrayList<>();
  private double faultRate;
  private Random faultRandom;
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile byte[] video = SampleMedia.mp4();
  private final byte[] lastFrame = SampleMedia.png(LAST_FRAME_WIDTH, LAST_FRAME_HEIGHT);
  private volatile Duration latency = Duration.ZERO;
  private volatile Progression progression = Progression.ON_POLL;
  private volatile long paddedVideoLength;
  private volatile Runnable paddedHalfway = () -> {};

  protected FakeProviderServer(String apiKey, Clock clock, int port) {
    this.apiKey = apiKey;
    this.clock = clock;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
    results = FakeMediaHost.start(clock);
  }

  /** The URL to configure as the provider's base URL. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + basePath());
  }

  public String apiKey() {
    return apiKey;
  }

  /** Every API request received, in order (result downloads are on {@link #resultHost()}). */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The API requests with this method whose path ends with {@code pathSuffix}. */
  public List<RecordedRequest> requests(String method, String pathSuffix) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix))
        .toList();
  }

  /** The last API request received. */
  public RecordedRequest lastRequest() {
    if (requests.isEmpty()) {
      throw new IllegalStateException("no request received");
    }
    return requests.get(requests.size() - 1);
  }

  /** Forgets the recorded requests and fetches. */
  public void clearRecords() {
    requests.clear();
    fetched.clear();
  }

  /** Every media URL this fake fetched, in order. */
  public List<FetchedMedia> fetchedMedia() {
    return List.copyOf(fetched);
  }

  /** The object store the results are served from (its own port: "another host"). */
  public FakeMediaHost resultHost() {
    return results;
  }

  /** The bytes served as every result video. */
  public byte[] videoBytes() {
    return video.clone();
  }

  /**
   * Serves these bytes as the video of every task that finishes from now on (default: {@link
   * SampleMedia#mp4()}), e.g. a clip whose size and duration differ from what was asked.
   */
  public void serveVideo(byte[] bytes) {
    this.video = bytes.clone();
  }

  /**
   * From now on, every succeeded task's video is the sample MP4 padded to {@code length} bytes with
   * a trailing {@code free} box, generated while it is served (large results without holding them
   * in memory); {@code halfway} runs on the serving thread when half of a download is sent.
   */
  public void servePaddedVideos(long length, Runnable halfway) {
    this.paddedHalfway = halfway;
    this.paddedVideoLength = length;
  }

  /** The bytes served as every last frame. */
  public byte[] lastFrameBytes() {
    return lastFrame.clone();
  }

  /** Delay before every API answer. */
  public void setLatency(Duration latency) {
    this.latency = latency;
  }

  /** Queues faults; each answers one coming API request, in order. */
  public void failNext(Fault... faults) {
    this.faults.addAll(List.of(faults));
  }

  /** Queues the same fault for the next {@code times} API requests (e.g. a 429 burst). */
  public void failNext(int times, Fault fault) {
    for (int i = 0; i < times; i++) {
      faults.add(fault);
    }
  }

  /**
   * From now on each API request fails with probability {@code rate}, the fault drawn from a random
   * seeded with {@code seed} (the same seed gives the same sequence for the same order of
   * requests): 429 with {@code Retry-After: 1}, 500, 503, a truncated body, the connection dropped
   * before or after the request was handled, or a short hang (1–3 s) before a normal answer. Queued
   * {@link #failNext} faults come first. A rate of 0 turns it off.
   */
  public synchronized void failRandomly(double rate, long seed) {
    this.faultRate = rate;
    this.faultRandom = new Random(seed);
  }

  /** The faults answered so far, queued and random, in order. */
  public List<Fault> injectedFaults() {
    return List.copyOf(injected);
  }

  /** How many API requests with this method and path suffix are being handled right now. */
  public int inProgress(String method, String pathSuffix) {
    return (int)
        inProgress.values().stream()
            .filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix))
            .count();
  }

  /**
   * The most tasks that were queued or running at once (counted whenever a task is created): what a
   * provider's concurrency limit caps, whichever client or instance created them.
   */
  public int peakUnfinishedTasks() {
    return peakUnfinished.get();
  }

  /**
   * Every task this fake created (deleted ones too), oldest first, as it stands now: what a test
   * counts to prove a request was paid for once.
   */
  public List<CreatedTask> createdTasks() {
    return created.stream()
        .map(
            t -> {
              synchronized (t) {
                return new CreatedTask(t.id, t.seed, t.request, t.state, t.finishedAt);
              }
            })
        .toList();
  }

  /**
   * A task as the fake holds it.
   *
   * @param id the task id
   * @param seed the seed it runs with (-1 where the family has none)
   * @param request the create body
   * @param state its state now
   * @param finishedAt when it reached a final state, or null
   */
  public record CreatedTask(
      String id,
      long seed,
      tools.jackson.databind.JsonNode request,
      TaskState state,
      java.time.Instant finishedAt) {}

  public void setProgression(Progression progression) {
    this.progression = progression;
  }

  /** The next task created will fail with this error once it has run. */
  public void failNextTask(String code, String message) {
    outcomes.add(new FakeTask.Outcome(TaskState.FAILED, code, message));
  }

  /** The next task created will expire instead of finishing. */
  public void expireNextTask() {
    outcomes.add(new FakeTask.Outcome(TaskState.EXPIRED, null, null));
  }

  /** Moves one task a step (queued → running → its outcome). */
  public void advance(String taskId) {
    FakeTask t = tasks.get(taskId);
    if (t == null) {
      throw new IllegalArgumentException("no task " + taskId);
    }
    step(t);
  }

  /** Moves every task a step. */
  public void advanceAll() {
    tasksNewestFirst().forEach(this::step);
  }

  /** The fake's own view of a task, for assertions. */
  public Optional<TaskState> taskState(String taskId) {
    FakeTask t = tasks.get(taskId);
    if (t == null) {
      return Optional.empty();
    }
    synchronized (t) {
      return Optional.of(t.state);
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    pool.shutdownNow();
    results.close();
  }

  // ---- for subclasses

  /** The path prefix of the API on this server, e.g. {@code /api/v3}, or empty. */
  protected abstract String basePath();

  /** Serves an authenticated request; {@code path} is relative to {@link #basePath()}. */
  protected abstract void route(FakeExchange fx, String path) throws IOException;

  /** Answers with the family's error envelope. */
  protected abstract void error(
      FakeExchange fx, int status, String code, String message, Map<String, String> headers)
      throws IOException;

  /** Answers a request whose Bearer token is missing or wrong. */
  protected abstract void unauthorized(FakeExchange fx, String presentedToken) throws IOException;

  /** Whether a finished task also gets a last-frame URL. */
  protected abstract boolean wantsLastFrame(FakeTask task);

  /** Called after every status change (outside the task's lock). */
  protected void onStateChange(FakeTask task) {}

  protected final FakeTask createTask(
      String id, String model, tools.jackson.databind.JsonNode req) {
    FakeTask.Outcome outcome = outcomes.poll();
    FakeTask t =
        new FakeTask(
            id,
            sequence.incrementAndGet(),
            model,
            req,
            clock.instant(),
            outcome == null ? FakeTask.Outcome.SUCCESS : outcome);
    tasks.put(id, t);
    created.add(t);
    peakUnfinished.accumulateAndGet(unfinishedTasks(), Math::max);
    return t;
  }

  private int unfinishedTasks() {
    int n = 0;
    for (FakeTask t : created) {
      synchronized (t) {
        n += t.state == TaskState.QUEUED || t.state == TaskState.RUNNING ? 1 : 0;
      }
    }
    return n;
  }

  protected final FakeTask task(String id) {
    return tasks.get(id);
  }

  protected final void removeTask(String id) {
    tasks.remove(id);
  }

  protected final List<FakeTask> tasksNewestFirst() {
    return tasks.values().stream()
        .sorted(Comparator.comparingLong((FakeTask t) -> t.sequence).reversed())
        .toList();
  }

  /** A poll read the task: under {@link Progression#ON_POLL} it moves one step first. */
  protected final void observe(FakeTask t) {
    if (progression == Progression.ON_POLL) {
      step(t);
    }
  }

  /** Cancels a queued task; false when it is not queued. */
  protected final boolean cancelIfQueued(FakeTask t) {
    synchronized (t) {
      if (t.state != TaskState.QUEUED) {
        return false;
      }
      t.state = TaskState.CANCELLED;
      t.updatedAt = clock.instant();
    }
    onStateChange(t);
    return true;
  }

  /** Fetches a media URL as the provider would, and records the result. */
  protected final FetchedMedia fetch(String url) {
    FetchedMedia m = doFetch(url);
    fetched.add(m);
    return m;
  }

  /** Why a fetched image is not acceptable input (Seedance: 300–6000 px, aspect 0.4–2.5). */
  protected static Optional<String> imageProblem(FetchedMedia m) {
    if (m.status() == 0) {
      return Optional.empty();
    }
    if (!m.ok()) {
      return Optional.of("the image could not be downloaded: " + m.error());
    }
    if (m.width() == null) {
      return Optional.of("the image format is not supported");
    }
    int w = m.width();
    int h = m.height();
    double aspect = (double) w / h;
    if (w < 300 || h < 300 || w > 6000 || h > 6000 || aspect < 0.4 || aspect > 2.5) {
      return Optional.of("the image size " + w + "x" + h + " is out of range");
    }
    return Optional.empty();
  }

  protected static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** For the {@code main} methods: prints how to reach the fake and serves until killed. */
  protected static void serveUntilKilled(FakeProviderServer fake) throws InterruptedException {
    System.out.println(
        fake.getClass().getSimpleName()
            + " listening at "
            + fake.baseUrl()
            + " (API key: "
            + fake.apiKey()
            + "; results served from "
            + fake.resultHost().origin()
            + ")");
    Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
    fake.closed.await();
  }

  // ---- internals

  private void handle(HttpExchange ex) {
    try {
      FakeExchange fx = FakeExchange.read(ex, JSON);
      requests.add(fx.request);
      inProgress.put(ex, fx.request);
      Duration delay = latency;
      if (!delay.isZero()) {
        Thread.sleep(delay.toMillis());
      }
      Fault fault = nextFault();
      if (fault instanceof Fault.Slow slow) {
        Thread.sleep(slow.delay().toMillis());
      } else if (fault instanceof Fault.Dropped d && d.afterHandling()) {
        fx.discardAnswer();
      } else if (fault != null) {
        answerFault(fx, fault);
        return;
      }
      String auth = fx.request.header("Authorization");
      if (!("Bearer " + apiKey).equals(auth)) {
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
        unauthorized(fx, token);
        return;
      }
      if (!fx.path().startsWith(basePath())) {
        error(fx, 404, "NotFound", "The requested path does not exist.", Map.of());
        return;
      }
      route(fx, fx.path().substring(basePath().length()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      try {
        ex.sendResponseHeaders(500, -1);
      } catch (IOException | RuntimeException alreadyAnswered) {
        // the answer was already (partly) sent: nothing more to do
      }
    } finally {
      ex.close();
      inProgress.remove(ex);
    }
  }

  private Fault nextFault() {
    Fault fault = faults.poll();
    if (fault == null) {
      fault = randomFault();
    }
    if (fault != null) {
      injected.add(fault);
    }
    return fault;
  }

  private synchronized Fault randomFault() {
    if (faultRate <= 0 || faultRandom.nextDouble() >= faultRate) {
      return null;
    }
    return switch (faultRandom.nextInt(7)) {
      case 0 -> Fault.rateLimited("1");
      case 1 -> Fault.serverError();
      case 2 -> Fault.unavailable();
      case 3 -> Fault.malformed();
      case 4 -> Fault.dropped(false);
      case 5 -> Fault.dropped(true);
      default -> Fault.slow(Duration.ofMillis(1000 + faultRandom.nextInt(2000)));
    };
  }

  private void answerFault(FakeExchange fx, Fault fault) throws IOException, InterruptedException {
    if (fault instanceof Fault.RateLimited r) {
      Map<String, String> headers =
          r.retryAfter() == null ? Map.of() : Map.of("Retry-After", r.retryAfter());
      error(fx, 429, "RateLimitExceeded", "Too many requests, please retry later.", headers);
    } else if (fault instanceof Fault.ServerError) {
      error(
          fx, 500, "InternalServiceError", "The service encountered an internal error.", Map.of());
    } else if (fault instanceof Fault.Hang) {
      closed.await();
    } else if (fault instanceof Fault.Malformed) {
      fx.sendJson(200, "{\"id\":\"trunc");
    } else if (fault instanceof Fault.Unavailable) {
      error(
          fx,
          503,
          "ServiceUnavailable",
          "The service is temporarily unavailable, please retry later.",
          Map.of());
    } else if (fault instanceof Fault.Dropped) {
      // nothing is sent: closing the exchange without an answer drops the connection
    } else if (fault instanceof Fault.ContentRefused c) {
      error(
          fx,
          400,
          c.code(),
          "The request failed because the input text may contain sensitive information.",
          Map.of());
    }
  }

  private void step(FakeTask t) {
    synchronized (t) {
      switch (t.state) {
        case QUEUED -> t.state = TaskState.RUNNING;
        case RUNNING -> finish(t);
        case SUCCEEDED, FAILED, EXPIRED, CANCELLED -> {
          return;
        }
      }
      t.updatedAt = clock.instant();
    }
    onStateChange(t);
  }

  private void finish(FakeTask t) {
    t.state = t.outcome.state();
    t.finishedAt = clock.instant();
    if (t.state == TaskState.SUCCEEDED) {
      String videoPath = "results/" + t.id + "/video.mp4";
      long padded = paddedVideoLength;
      t.videoUrl =
          padded > 0
              ? results.publishPadded(videoPath, video, padded, paddedHalfway)
              : results.publish(videoPath, video, "video/mp4");
      if (wantsLastFrame(t)) {
        t.lastFrameUrl =
            results.publish("results/" + t.id + "/last_frame.png", lastFrame, "image/png");
      }
    }
  }

  private FetchedMedia doFetch(String url) {
    if (url.startsWith("asset://")) {
      return new FetchedMedia(url, 0, null, 0, null, null, null, null);
    }
    if (url.startsWith("data:")) {
      int comma = url.indexOf(',');
      String meta = comma < 0 ? "" : url.substring(5, comma);
      if (comma < 0 || !meta.endsWith(";base64")) {
        return new FetchedMedia(url, -1, null, 0, null, null, null, "not a base64 data URL");
      }
      try {
        byte[] bytes = Base64.getDecoder().decode(url.substring(comma + 1));
        return described(url, 200, meta.substring(0, meta.length() - 7), bytes);
      } catch (IllegalArgumentException e) {
        return new FetchedMedia(url, -1, null, 0, null, null, null, "bad base64");
      }
    }
    try {
      HttpResponse<byte[]> r =
          fetcher.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      FetchedMedia m =
          described(
              url, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
      return r.statusCode() == 200
          ? m
          : new FetchedMedia(
              url, r.statusCode(), m.contentType(), 0, null, null, null, "HTTP " + r.statusCode());
    } catch (IOException | IllegalArgumentException e) {
      return new FetchedMedia(url, -1, null, 0, null, null, null, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FetchedMedia(url, -1, null, 0, null, null, null, "interrupted");
    }
  }

  private static FetchedMedia described(String url, int status, String type, byte[] bytes) {
    Integer w = null;
    Integer h = null;
    try {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
      if (img != null) {
        w = img.getWidth();
        h = img.getHeight();
      }
    } catch (IOException notAnImage) {
      // stays null: not an image ImageIO reads
    }
    return new FetchedMedia(url, status, type, bytes.length, sha256(bytes), w, h, null);
  }

  /** The body as UTF-8, for envelopes built by hand. */
  protected static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
