package com.seedancebot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stops the real application abruptly (SIGKILL) while a job is generating and starts it again on
 * the same data directory: the job completes and its video is delivered exactly once.
 */
class RestartRecoveryIT {

  private static final Duration STARTUP = Duration.ofSeconds(150);
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final List<Process> processes = new ArrayList<>();

  @TempDir Path dataDir;

  @AfterEach
  void stopAll() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void aJobInterruptedByKillMinus9CompletesAndIsDeliveredOnceAfterRestart() throws Exception {
    int port = freePort();
    String base = "http://127.0.0.1:" + port;
    Process first = start(port, "first.log");
    awaitHealthy(base, first);

    post(base, "/video a red fox running in snow --duration 4");
    awaitMessage(
        base, m -> kind(m).equals("status") && m.path("text").asString().contains("generating"));
    first.destroyForcibly().waitFor();

    Process second = start(port, "second.log");
    awaitHealthy(base, second);
    JsonNode video = awaitMessage(base, m -> kind(m).equals("video"));
    Thread.sleep(3000); // several pipeline ticks: a second delivery would show up now

    List<JsonNode> videos = messages(base).stream().filter(m -> kind(m).equals("video")).toList();
    assertThat(videos).hasSize(1);
    HttpResponse<byte[]> file =
        http.send(
            HttpRequest.newBuilder(URI.create(video.path("video").path("url").asString())).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(new String(file.body(), 4, 4, StandardCharsets.ISO_8859_1)).isEqualTo("ftyp");
    assertThat(Files.readString(dataDir.resolve("second.log"))).contains("delivered");
  }

  private Process start(int port, String logName) throws IOException {
    String jar = System.getProperty("seedance.jar", "target/seedance-bot.jar");
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            jar,
            "--seedance.simulator.queue-latency=1s",
            "--seedance.simulator.run-latency=8s");
    pb.environment().put("SERVER_PORT", Integer.toString(port));
    pb.environment().put("BOT_DATA_DIR", dataDir.toString());
    pb.environment().put("BOT_POLL_INTERVAL", "200ms");
    pb.environment().remove("SEEDANCE_PROVIDER");
    pb.redirectErrorStream(true);
    pb.redirectOutput(dataDir.resolve(logName).toFile());
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  private void awaitHealthy(String base, Process p) throws Exception {
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      assertThat(p.isAlive()).as("the bot process is running").isTrue();
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(300);
    }
    throw new AssertionError("the bot did not become healthy in " + STARTUP);
  }

  private void post(String base, String text) throws Exception {
    String boundary = "----seedance" + System.nanoTime();
    String body =
        part(boundary, "session", "restart-test")
            + part(boundary, "text", text)
            + "--"
            + boundary
            + "--\r\n";
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/playground/messages"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
  }

  private static String part(String boundary, String name, String value) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"\r\n\r\n"
        + value
        + "\r\n";
  }

  private JsonNode awaitMessage(String base, Predicate<JsonNode> wanted) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      for (JsonNode m : messages(base)) {
        if (wanted.test(m)) {
          return m;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no such message; transcript: " + messages(base));
  }

  private List<JsonNode> messages(String base) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(base + "/api/playground/messages?session=restart-test&since=0"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    List<JsonNode> list = new ArrayList<>();
    json.readTree(r.body()).path("messages").forEach(list::add);
    return list;
  }

  private static String kind(JsonNode m) {
    return m.path("kind").asString().toLowerCase(Locale.ROOT);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
