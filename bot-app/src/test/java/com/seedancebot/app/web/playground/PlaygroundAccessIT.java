package com.seedancebot.app.web.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.seedancebot.app.SeedanceBotApplication;
import com.seedancebot.core.provider.fake.FakeArkServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The playground with a paid provider (Ark, played by {@link FakeArkServer}), configured as an
 * operator does it: it is off unless {@code BOT_PLAYGROUND_ENABLED=true}, opting in without {@code
 * BOT_PLAYGROUND_TOKEN} stops startup, and with a token only callers presenting it reach the bot.
 * Whatever a stranger sends, the fake receives no create request.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlaygroundAccessIT {

  private static final String TOKEN = "operator-chosen-playground-token-5d1f0a";
  private static final String SESSION = "access-it-session-1";
  private static final RestClient HTTP = RestClient.create();

  @TempDir Path dataDir;

  @Test
  void aPaidProviderKeepsThePlaygroundOffWhenNotAskedFor() throws Exception {
    try (FakeArkServer ark = FakeArkServer.start();
        ConfigurableApplicationContext app = start(ark)) {
      String base = base(app);

      assertThat(postMessage(base, null)).isEqualTo(404);
      assertThat(poll(base, null)).isEqualTo(404);
      assertThat(creates(ark)).isEmpty();
    }
  }

  @Test
  void optingInWithoutATokenStopsStartupNamingTheVariable() throws Exception {
    try (FakeArkServer ark = FakeArkServer.start()) {
      assertThatThrownBy(() -> start(ark, "--BOT_PLAYGROUND_ENABLED=true").close())
          .rootCause()
          .hasMessageContaining("BOT_PLAYGROUND_TOKEN")
          .hasMessageContaining("'ark'");
      assertThat(creates(ark)).isEmpty();
    }
  }

  @Test
  void withATokenOnlyCallersPresentingItReachTheProvider(CapturedOutput output) throws Exception {
    try (FakeArkServer ark = FakeArkServer.start();
        ConfigurableApplicationContext app =
            start(ark, "--BOT_PLAYGROUND_ENABLED=true", "--BOT_PLAYGROUND_TOKEN=" + TOKEN)) {
      String base = base(app);

      assertThat(postMessage(base, null)).isEqualTo(401);
      assertThat(postMessage(base, "Bearer not-the-token")).isEqualTo(401);
      assertThat(postMessage(base, TOKEN)).as("the token without 'Bearer '").isEqualTo(401);
      assertThat(poll(base, null)).isEqualTo(401);
      assertThat(pressButton(base, null)).isEqualTo(401);
      Thread.sleep(1000); // a job let through would have been submitted by now
      assertThat(creates(ark)).isEmpty();

      assertThat(poll(base, "Bearer " + TOKEN)).isEqualTo(200);
      assertThat(postMessage(base, "Bearer " + TOKEN)).isEqualTo(200);
      awaitCreate(ark);
    }
    assertThat(output.getAll()).doesNotContain(TOKEN);
  }

  // ---- the application and its playground API

  private ConfigurableApplicationContext start(FakeArkServer ark, String... extra)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=" + freePort(),
                "--SEEDANCE_PROVIDER=ark",
                "--SEEDANCE_BASE_URL=" + ark.baseUrl(),
                "--SEEDANCE_API_KEY=" + ark.apiKey(),
                "--bot.data-dir=" + dataDir,
                "--bot.poll-interval=200ms"));
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(SeedanceBotApplication.class)
        .run(args.toArray(String[]::new));
  }

  private static String base(ConfigurableApplicationContext app) {
    return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
  }

  /** POSTs a {@code /video} as the page does; returns the HTTP status. */
  private static int postMessage(String base, String authorization) {
    var form = new LinkedMultiValueMap<String, Object>();
    form.add("session", SESSION);
    form.add("text", "/video a red fox running in snow --duration 5");
    return HTTP.post()
        .uri(base + "/api/playground/messages")
        .headers(h -> authorize(h, authorization))
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(form)
        .exchange((request, response) -> response.getStatusCode().value());
  }

  private static int poll(String base, String authorization) {
    return HTTP.get()
        .uri(base + "/api/playground/messages?session={s}&since=0", SESSION)
        .headers(h -> authorize(h, authorization))
        .exchange((request, response) -> response.getStatusCode().value());
  }

  private static int pressButton(String base, String authorization) {
    return HTTP.post()
        .uri(base + "/api/playground/buttons")
        .headers(h -> authorize(h, authorization))
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            "{\"session\":\""
                + SESSION
                + "\",\"messageId\":\"m1\",\"action\":\"REROLL\","
                + "\"jobId\":\"j1\"}")
        .exchange((request, response) -> response.getStatusCode().value());
  }

  private static void authorize(HttpHeaders headers, String authorization) {
    if (authorization != null) {
      headers.set(HttpHeaders.AUTHORIZATION, authorization);
    }
  }

  private static List<?> creates(FakeArkServer ark) {
    return ark.requests().stream().filter(r -> r.method().equals("POST")).toList();
  }

  private static void awaitCreate(FakeArkServer ark) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (creates(ark).isEmpty()) {
      assertThat(System.nanoTime()).as("a create request at the fake Ark").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
