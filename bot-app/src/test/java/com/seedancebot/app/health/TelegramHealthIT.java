package com.seedancebot.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.app.SeedanceBotApplication;
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
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
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * {@code /actuator/health} as a load balancer sees it with Telegram on, against {@link
 * FakeTelegramBotApi}: not UP before the bot can take updates, DOWN while Telegram cannot be
 * reached (the log says why, without the token), UP once it can; in webhook mode the first update
 * posted after health turned UP is accepted.
 */
@ExtendWith(OutputCaptureExtension.class)
class TelegramHealthIT {

  private static final Duration RECOVERY = Duration.ofSeconds(30);
  private static final String SECRET = "webhook-secret-for-health-it";
  private static final RestClient HTTP = RestClient.create();

  @TempDir Path dataDir;

  @Test
  void longPollingIsDownUntilTelegramAnswersAndDownAgainWhenItGoesAway(CapturedOutput output)
      throws Exception {
    int telegramPort = freePort(); // nobody listens there yet
    try (ConfigurableApplicationContext app =
        start("--TELEGRAM_API_URL=http://127.0.0.1:" + telegramPort)) {
      String base = base(app);

      assertThat(health(base)).isEqualTo(new Answer(503, "{\"status\":\"DOWN\"}"));
      assertThat(output.getAll())
          .contains("Telegram connection failed")
          .contains("Connection refused")
          .doesNotContain(FakeTelegramBotApi.TOKEN);

      try (FakeTelegramBotApi telegram = new FakeTelegramBotApi(telegramPort)) {
        awaitHealth(base, 200);
        assertThat(health(base).body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(telegram.calls("getMe")).isNotEmpty();
      }

      awaitHealth(base, 503);
    }
    assertThat(output.getAll()).doesNotContain(FakeTelegramBotApi.TOKEN);
  }

  @Test
  void aWebhookUpdatePostedOnceHealthIsUpIsAccepted() throws Exception {
    try (FakeTelegramBotApi telegram = new FakeTelegramBotApi()) {
      int port = freePort();
      try (ConfigurableApplicationContext app =
          start(
              port,
              "--TELEGRAM_API_URL=" + telegram.baseUrl(),
              "--TELEGRAM_WEBHOOK_SECRET=" + SECRET,
              "--BOT_PUBLIC_URL=https://bot.example.org")) {
        String base = base(app);
        awaitHealth(base, 200);

        var update = telegram.updates().message(4242, 4242, "en").text("/help").update();
        update.put("update_id", 1);
        int status =
            HTTP.post()
                .uri(base + "/telegram/webhook")
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .contentType(MediaType.APPLICATION_JSON)
                .body(update.toString())
                .exchange((request, response) -> response.getStatusCode().value());

        assertThat(status).isEqualTo(200);
        assertThat(telegram.awaitCalls("sendMessage", 1, Duration.ofSeconds(20)))
            .as("the /help answer")
            .isNotEmpty();
      }
    }
  }

  // ---- the application

  private ConfigurableApplicationContext start(String... extra) throws IOException {
    return start(freePort(), extra);
  }

  private ConfigurableApplicationContext start(int port, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=" + port,
                "--TELEGRAM_BOT_TOKEN=" + FakeTelegramBotApi.TOKEN,
                "--bot.telegram.poll-timeout=1s",
                "--bot.data-dir=" + dataDir));
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(SeedanceBotApplication.class)
        .run(args.toArray(String[]::new));
  }

  private static String base(ConfigurableApplicationContext app) {
    return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
  }

  private record Answer(int status, String body) {}

  private static Answer health(String base) {
    return HTTP.get()
        .uri(base + "/actuator/health")
        .exchange(
            (request, response) ->
                new Answer(
                    response.getStatusCode().value(),
                    new String(response.getBody().readAllBytes())));
  }

  private static void awaitHealth(String base, int status) throws InterruptedException {
    long deadline = System.nanoTime() + RECOVERY.toNanos();
    while (health(base).status() != status) {
      assertThat(System.nanoTime())
          .as("health %s within %s", status, RECOVERY)
          .isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
