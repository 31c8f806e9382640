package com.seedancebot.core.bench;

import com.seedancebot.core.job.CallbackIntake;
import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.provider.ark.ArkTaskJson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * A loopback stand-in for {@code bot-app}'s {@code CallbackController}: {@code POST
 * /callbacks/{token}} hands the token and the state the body claims to {@link
 * CallbackIntake#accept}, as the controller does; 200 for a known token, 404 otherwise. The intake
 * is asked for on each callback, so the receiver can exist before the pipeline it feeds. Records
 * how long each callback took to handle. Close it to free the port.
 */
final class CallbackReceiver implements AutoCloseable {

  static final String PREFIX = "/callbacks/";

  private final HttpServer server;

  /** As many threads as Tomcat's default, which serves {@code CallbackController} in the app. */
  private final ExecutorService pool = Executors.newFixedThreadPool(200);

  private final Supplier<CallbackIntake> intake;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Queue<Long> handlingNanos = new ConcurrentLinkedQueue<>();
  private final Map<String, Long> finalArrivalMillis = new ConcurrentHashMap<>();

  CallbackReceiver(Supplier<CallbackIntake> intake) {
    this.intake = intake;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(pool);
    server.createContext(PREFIX, this::handle);
    server.start();
  }

  /** The prefix to give the dispatcher: the job's token is appended. */
  String urlPrefix() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX;
  }

  /** Token → wall-clock millis at which the first callback announcing a final state arrived. */
  Map<String, Long> finalArrivalMillis() {
    return finalArrivalMillis;
  }

  /** Time spent handling each callback so far, in nanoseconds. */
  Queue<Long> handlingNanos() {
    return handlingNanos;
  }

  private void handle(HttpExchange ex) throws IOException {
    long start = System.nanoTime();
    try (ex) {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String token = ex.getRequestURI().getPath().substring(PREFIX.length());
      TaskState hinted = hintedState(body);
      if (hinted != null && hinted.isFinal()) {
        finalArrivalMillis.putIfAbsent(token, System.currentTimeMillis());
      }
      boolean known = intake.get().accept(token, hinted);
      ex.sendResponseHeaders(known ? 200 : 404, -1);
    } finally {
      handlingNanos.add(System.nanoTime() - start);
    }
  }

  private TaskState hintedState(String body) {
    try {
      return body.isBlank() ? null : ArkTaskJson.parse(body, json).state();
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
