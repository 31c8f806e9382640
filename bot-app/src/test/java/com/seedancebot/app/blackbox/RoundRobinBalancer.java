package com.seedancebot.app.blackbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;

/**
 * A load balancer on loopback ({@link #listen()}), as an operator puts one before several
 * instances: every request (the Telegram webhook, signed file links, provider callbacks) goes to
 * the next instance in turn; an instance that refuses the connection (dead, restarting) is skipped
 * for the next one. Method, path, query, body and headers pass through both ways. Thread-safe;
 * close it to stop listening.
 */
final class RoundRobinBalancer implements AutoCloseable {

  /** Headers the JDK client sets itself or refuses; and hop-by-hop ones of the answer. */
  private static final Set<String> NOT_FORWARDED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

  private final Supplier<List<URI>> backends;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicIntegerArray served;

  /** Listens on a free loopback port in front of the instances {@code backends} lists now. */
  RoundRobinBalancer(int instances, Supplier<List<URI>> backends) throws IOException {
    this.backends = backends;
    this.served = new AtomicIntegerArray(instances);
    server = listen();
    server.setExecutor(threads);
    server.createContext("/", this::forward);
    server.start();
  }

  /**
   * On IPv6's loopback where the machine has it: the bots take {@code [::1]} for a public address
   * (they take {@code 127.*} and {@code localhost} for this machine only, and then send Ark images
   * inline instead of signed links), so Ark fetches attachments through the balancer as it would
   * through a real one. Without IPv6, on {@code 127.0.0.1}.
   */
  private static HttpServer listen() throws IOException {
    try {
      return HttpServer.create(new InetSocketAddress(InetAddress.getByName("::1"), 0), 0);
    } catch (IOException noIpv6) {
      return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    }
  }

  /** Where clients reach the instances: {@code http://[::1]:P} (or {@code 127.0.0.1}). */
  URI baseUrl() {
    InetAddress address = server.getAddress().getAddress();
    String host =
        address instanceof Inet6Address
            ? "[" + address.getHostAddress() + "]"
            : address.getHostAddress();
    return URI.create("http://" + host + ":" + server.getAddress().getPort());
  }

  /** How many requests instance {@code i} (its index in the backends' list) answered. */
  int served(int i) {
    return served.get(i);
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      List<URI> targets = backends.get();
      int first = Math.floorMod(next.getAndIncrement(), targets.size());
      for (int i = 0; i < targets.size(); i++) {
        int index = (first + i) % targets.size();
        try {
          relay(exchange, send(exchange, targets.get(index), body));
          served.incrementAndGet(index);
          return;
        } catch (ConnectException | HttpConnectTimeoutException dead) {
          // skip an instance that is down; try the next one
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      exchange.sendResponseHeaders(502, -1);
    }
  }

  private HttpResponse<InputStream> send(HttpExchange in, URI backend, byte[] body)
      throws IOException, InterruptedException {
    URI target = backend.resolve(in.getRequestURI().getRawPath());
    String query = in.getRequestURI().getRawQuery();
    if (query != null) {
      target = URI.create(target + "?" + query);
    }
    HttpRequest.Builder out =
        HttpRequest.newBuilder(target)
            .method(in.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    in.getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> out.header(name, v));
              }
            });
    return client.send(out.build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  private static void relay(HttpExchange exchange, HttpResponse<InputStream> response)
      throws IOException {
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!name.startsWith(":") && !NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                exchange.getResponseHeaders().put(name, values);
              }
            });
    long length = response.headers().firstValueAsLong("content-length").orElse(-1);
    boolean empty = exchange.getRequestMethod().equals("HEAD") || length == 0;
    try (InputStream in = response.body()) {
      if (empty) {
        exchange.sendResponseHeaders(response.statusCode(), -1);
        return;
      }
      exchange.sendResponseHeaders(response.statusCode(), length > 0 ? length : 0); // 0: chunked
      try (OutputStream out = exchange.getResponseBody()) {
        in.transferTo(out);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
