package com.seedancebot.app.blackbox;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The playground's JSON API of a running bot, as {@code static/playground.js} uses it, for one chat
 * session: post a command, read the transcript, wait for a video. No token: for bots on the
 * simulator, whose playground is open.
 */
final class PlaygroundApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI base;
  private final String session = "blackbox-" + UUID.randomUUID();
  private final HttpClient http = HttpClient.newHttpClient();

  PlaygroundApi(URI base) {
    this.base = base;
  }

  /** Sends a text command, as typed into the page (a form without files). */
  void post(String text) throws Exception {
    String form = "session=" + encoded(session) + "&text=" + encoded(text);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/playground/messages"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new AssertionError("the playground refused the command: " + r.statusCode() + r.body());
    }
  }

  /** Waits for the session's first video message; fails with the transcript if none comes. */
  JsonNode awaitVideo(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode messages = transcript();
      for (JsonNode m : messages) {
        if ("video".equals(m.path("kind").asString())) {
          return m;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no video in " + timeout + "; transcript: " + messages);
      }
      Thread.sleep(200);
    }
  }

  JsonNode transcript() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    base.resolve("/api/playground/messages?session=" + session + "&since=0"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body()).path("messages");
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
