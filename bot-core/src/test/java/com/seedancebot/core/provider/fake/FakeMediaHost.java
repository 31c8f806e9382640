package com.seedancebot.core.provider.fake;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A loopback object store serving files at pre-signed URLs, like the TOS / OSS buckets that hold
 * Seedance results (and, in tests, like the bot's own asset server). A URL is valid only with its
 * signature and until it expires (24 h by the injected clock); like S3-style stores it refuses a
 * request that also carries an {@code Authorization} header. Every request is recorded.
 * Thread-safe.
 */
public final class FakeMediaHost implements AutoCloseable {

  /** How long a published URL stays valid, like Seedance's result URLs. */
  public static final Duration URL_LIFETIME = Duration.ofHours(24);

  private static final DateTimeFormatter TOS_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY every answer waits
    // ~40 ms for the client's delayed ACK. Must be set before the first HttpServer is created.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private record Published(Body body, String contentType, String signature, Instant expires) {}

  /** What a published URL serves: held bytes, or a body generated while it is sent. */
  private interface Body {
    long length();

    void writeTo(OutputStream out) throws IOException;
  }

  private record Held(byte[] bytes) implements Body {
    @Override
    public long length() {
      return bytes.length;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      out.write(bytes);
    }
  }

  /**
   * The given MP4 followed by a top-level {@code free} box of zeros up to {@code length} bytes:
   * still a valid MP4 (readers skip free boxes), generated in 64 KiB chunks as it is sent, so a
   * large result costs the fake no memory. {@code halfway} runs once per request when half is sent.
   */
  private record Padded(byte[] mp4, long length, Runnable halfway) implements Body {
    @Override
    public void writeTo(OutputStream out) throws IOException {
      out.write(mp4);
      long free = length - mp4.length;
      out.write(
          ByteBuffer.allocate(8)
              .putInt((int) free)
              .put("free".getBytes(StandardCharsets.US_ASCII))
              .array());
      byte[] zeros = new byte[64 * 1024];
      long left = free - 8;
      boolean halfDone = false;
      while (left > 0) {
        int n = (int) Math.min(zeros.length, left);
        out.write(zeros, 0, n);
        left -= n;
        if (!halfDone && left <= length / 2) {
          halfDone = true;
          halfway.run();
        }
      }
    }
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Published> files = new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final JsonMapper json = JsonMapper.builder().build();
  private final java.util.concurrent.atomic.AtomicInteger serving =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile Duration delay = Duration.ZERO;

  private FakeMediaHost(Clock clock) throws IOException {
    this.clock = clock;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(pool);
    server.createContext("/", ex -> serve(FakeExchange.read(ex, json)));
    server.start();
  }

  /** Starts a host on a free loopback port with the system clock. */
  public static FakeMediaHost start() {
    return start(Clock.systemUTC());
  }

  public static FakeMediaHost start(Clock clock) {
    try {
      return new FakeMediaHost(clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:port} */
  public URI origin() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Stores the bytes under {@code path} (no leading slash) and returns their pre-signed URL, in
   * TOS's query-signature style.
   */
  public URI publish(String path, byte[] bytes, String contentType) {
    return publish(path, new Held(bytes.clone()), contentType);
  }

  /**
   * Publishes {@code mp4} padded to {@code length} bytes with a trailing {@code free} box,
   * generated while it is sent (never held in memory); {@code halfway} runs on the serving thread
   * each time half of it has been sent.
   */
  public URI publishPadded(String path, byte[] mp4, long length, Runnable halfway) {
    if (length < mp4.length + 8L || length - mp4.length > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("padded length out of range: " + length);
    }
    return publish(path, new Padded(mp4.clone(), length, halfway), "video/mp4");
  }

  private URI publish(String path, Body body, String contentType) {
    byte[] sig = new byte[32];
    random.nextBytes(sig);
    String signature = HexFormat.of().formatHex(sig);
    Instant now = clock.instant();
    String key = "/" + path;
    files.put(key, new Published(body, contentType, signature, now.plus(URL_LIFETIME)));
    String query =
        "X-Tos-Algorithm=TOS4-HMAC-SHA256"
            + "&X-Tos-Credential=AKLTfakefakefake%2F"
            + TOS_DATE.format(now).substring(0, 8)
            + "%2Fcn-beijing%2Ftos%2Frequest"
            + "&X-Tos-Date="
            + TOS_DATE.format(now)
            + "&X-Tos-Expires="
            + URL_LIFETIME.toSeconds()
            + "&X-Tos-SignedHeaders=host"
            + "&X-Tos-Signature="
            + signature;
    return URI.create(origin() + key + "?" + query);
  }

  /** Every download waits this long before its answer (a slow store or network). */
  public void setDelay(Duration delay) {
    this.delay = delay;
  }

  /** How many requests are being served right now. */
  public int inProgress() {
    return serving.get();
  }

  /** Every request received, in order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  private void serve(FakeExchange fx) throws IOException {
    serving.incrementAndGet();
    try {
      requests.add(fx.request);
      Duration wait = delay;
      if (!wait.isZero()) {
        Thread.sleep(wait.toMillis());
      }
      if (!"GET".equals(fx.method()) && !"HEAD".equals(fx.method())) {
        error(fx, 405, "MethodNotAllowed", "The specified method is not allowed.");
        return;
      }
      if (fx.request.header("Authorization") != null) {
        error(fx, 400, "InvalidArgument", "Only one auth mechanism allowed.");
        return;
      }
      Published file = files.get(fx.path());
      if (file == null) {
        error(fx, 404, "NoSuchKey", "The specified key does not exist.");
        return;
      }
      if (!file.signature().equals(fx.request.queryValue("X-Tos-Signature"))) {
        error(fx, 403, "SignatureDoesNotMatch", "The request signature does not match.");
        return;
      }
      if (clock.instant().isAfter(file.expires())) {
        error(fx, 403, "AccessDenied", "Request has expired.");
        return;
      }
      fx.raw.getResponseHeaders().set("Content-Type", file.contentType());
      long length = file.body().length();
      if ("HEAD".equals(fx.method()) || length == 0) {
        fx.raw.sendResponseHeaders(200, -1);
        return;
      }
      // streamed: a generated body is never held in memory
      fx.raw.sendResponseHeaders(200, length);
      try (OutputStream out = fx.raw.getResponseBody()) {
        file.body().writeTo(out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      serving.decrementAndGet();
      fx.raw.close();
    }
  }

  private static void error(FakeExchange fx, int status, String code, String message)
      throws IOException {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
            + code
            + "</Code><Message>"
            + message
            + "</Message></Error>";
    fx.send(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8), Map.of());
  }
}
