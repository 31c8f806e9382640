package com.seedancebot.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.app.SeedanceBotApplication;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * What an outsider sees of the actuator with the default configuration (no {@code
 * BOT_MANAGEMENT_TOKEN}): health and its probes answer {@code {"status":"UP"}} and nothing more,
 * Prometheus can scrape the bot's metrics, and nothing else is exposed (metrics as JSON, info and
 * env answer 404).
 */
@SpringBootTest(classes = SeedanceBotApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ActuatorExposureIT {

  @Value("${local.server.port}")
  int port;

  @DynamicPropertySource
  static void application(DynamicPropertyRegistry registry) throws IOException {
    String dataDir = Files.createTempDirectory("actuator-test-").toString();
    registry.add("bot.data-dir", () -> dataDir);
  }

  @Test
  void healthIsPublicAndUp() {
    Answer health = get("/actuator/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void theProbesAnswerUpAndNothingMore() {
    assertThat(get("/actuator/health/liveness")).isEqualTo(new Answer(200, "{\"status\":\"UP\"}"));
    assertThat(get("/actuator/health/readiness")).isEqualTo(new Answer(200, "{\"status\":\"UP\"}"));
  }

  @Test
  void prometheusScrapesTheBotsMetrics() {
    Answer scrape = get("/actuator/prometheus");

    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.body())
        .contains("# TYPE seedance_queue_length gauge")
        .contains("# TYPE seedance_storage_free_bytes gauge")
        .contains("seedance_callbacks_received_total 0.0")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void metricsAsJsonInfoAndEnvAreNotExposed() {
    assertThat(get("/actuator/metrics").status()).isEqualTo(404);
    assertThat(get("/actuator/metrics/jvm.memory.used").status()).isEqualTo(404);
    assertThat(get("/actuator/info").status()).isEqualTo(404);
    assertThat(get("/actuator/env").status()).isEqualTo(404);
    assertThat(get("/actuator").body()).doesNotContain("metrics");
  }

  private record Answer(int status, String body) {}

  private Answer get(String path) {
    return RestClient.create()
        .get()
        .uri("http://127.0.0.1:" + port + path)
        .exchange(
            (request, response) ->
                new Answer(
                    response.getStatusCode().value(),
                    new String(response.getBody().readAllBytes())));
  }
}
