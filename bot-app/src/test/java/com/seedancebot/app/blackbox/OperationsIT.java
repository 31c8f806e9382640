package com.seedancebot.app.blackbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seedancebot.core.provider.fake.Progression;
import com.seedancebot.core.provider.fake.SampleMedia;
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator sees of the packaged bot (Telegram and Ark fakes, structured logging on, every
 * secret set): a {@code /video} counted under the documented {@code seedance_*} metrics at {@code
 * /actuator/prometheus} (every name the Grafana dashboard in {@code docs/} queries among them),
 * health bare for strangers and detailed for the operator's token, every log line JSON with the
 * job's lines carrying its id and no secret anywhere, and a stopped provider shown as degraded
 * while the bot stays up. One bot for the class; the provider is stopped last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String MANAGEMENT_TOKEN = "mgmt-7f3a9c1e5b-operator-only";
  private static final String PLAYGROUND_TOKEN = "play-2d8e4f6a0c-never-logged";
  private static final String MODEL = "doubao-seedance-2-0-260128";
  private static final long CHAT = 3001;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path work;
  private static TelegramArkWorld world;
  private static TelegramChats chats;
  private static byte[] result;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startBot() throws Exception {
    result = SampleMedia.mp4(160, 96, 12, 2);
    world =
        TelegramArkWorld.start(
            work,
            result,
            Progression.ON_POLL,
            bot ->
                bot.env("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
                    .env("BOT_MANAGEMENT_TOKEN", MANAGEMENT_TOKEN)
                    .env("BOT_PLAYGROUND_TOKEN", PLAYGROUND_TOKEN)
                    .env("BOT_QUOTA_USER_JOBS_PER_DAY", "1"));
    chats = new TelegramChats(world.telegram);
  }

  @AfterAll
  static void stopAll() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  @Order(1)
  void aVideoIsCountedUnderTheDocumentedNames() throws Exception {
    // given Telegram asking the bot to slow down once while it answers
    world.telegram.failWith429("sendMessage", 1, 1);

    // when a user asks for a video and gets it
    chats.say(CHAT, "/video a lighthouse at dusk --duration 4");
    await().atMost(WAIT).until(() -> chats.videos(CHAT).size() == 1);

    // then the scrape shows the job, its stages, the calls and the delivery
    String jobState = "seedance_jobs{model=\"" + MODEL + "\",state=\"succeeded\"}";
    String scrape = await().atMost(WAIT).until(this::scrape, s -> value(s, jobState) == 1);
    assertThat(value(scrape, "seedance_queue_length")).isZero();
    assertThat(
            value(
                scrape,
                "seedance_jobs_finished_total{model=\"" + MODEL + "\",state=\"succeeded\"}"))
        .isEqualTo(1);
    for (String stage : List.of("queued", "at_provider", "collect", "deliver", "end_to_end")) {
      String count =
          "seedance_job_stage_duration_seconds_count{model=\""
              + MODEL
              + "\",stage=\""
              + stage
              + "\"}";
      assertThat(value(scrape, count)).as(stage).isEqualTo(1);
    }
    assertThat(
            value(
                scrape,
                "seedance_provider_calls_total{error_code=\"none\",operation=\"submit\",outcome=\"ok\",provider=\"ark\"}"))
        .isEqualTo(1);
    assertThat(
            value(
                scrape,
                "seedance_chat_calls_total{method=\"sendvideo\",outcome=\"ok\",platform=\"telegram\"}"))
        .isEqualTo(1);
    assertThat(
            value(
                scrape,
                "seedance_chat_calls_total{method=\"sendmessage\",outcome=\"rate_limited\",platform=\"telegram\"}"))
        .isEqualTo(1);
    assertThat(value(scrape, "seedance_deliveries_total{kind=\"upload\",platform=\"telegram\"}"))
        .isEqualTo(1);
    assertThat(value(scrape, "seedance_stored_bytes_total{kind=\"result\"}"))
        .isEqualTo(result.length);
    assertThat(value(scrape, "seedance_callbacks_received_total")).isZero();

    // when the same user asks again, over the day's allowance of one video
    chats.say(CHAT, "/video the same lighthouse at night --duration 4");

    // then the refusal is counted by its reason, and every name the dashboard uses is scraped
    String refusal = "seedance_quota_refusals_total{reason=\"user_jobs\"}";
    String last = await().atMost(WAIT).until(this::scrape, s -> value(s, refusal) == 1);
    assertThat(dashboardNames())
        .isNotEmpty()
        .allSatisfy(name -> assertThat(last).containsPattern("(?m)^" + name + "[{ ]"));
  }

  @Test
  @Order(2)
  void healthIsBareForStrangersAndDetailedForTheOperator() throws Exception {
    assertThat(get("/actuator/health", null)).isEqualTo(new Answer(200, "{\"status\":\"UP\"}"));
    assertThat(get("/actuator/health/readiness", null))
        .isEqualTo(new Answer(200, "{\"status\":\"UP\"}"));
    assertThat(get("/actuator/health/liveness", null))
        .isEqualTo(new Answer(200, "{\"status\":\"UP\"}"));
    assertThat(get("/actuator/prometheus", null).status()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", "not-the-token").status()).isEqualTo(401);

    JsonNode components =
        JSON.readTree(get("/actuator/health", MANAGEMENT_TOKEN).body()).path("components");
    assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
    assertThat(components.path("storage").path("details").path("free").asLong()).isPositive();
    assertThat(components.path("telegram").path("status").asString()).isEqualTo("UP");
    JsonNode ark = components.path("providers").path("components").path("ark");
    assertThat(ark.path("status").asString()).isEqualTo("UP");
    assertThat(ark.path("details").path("lastSuccess").asString()).isNotEqualTo("none");
  }

  @Test
  @Order(3)
  void everyLineIsJsonTheJobsLinesCarryItsIdAndNoSecretIsWritten() {
    String jobId = chats.jobId(CHAT).orElseThrow();
    String log = world.bot.log();

    List<JsonNode> lines = new ArrayList<>();
    for (String line : log.split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line)); // throws on a line that is not JSON
      }
    }
    List<JsonNode> aboutTheJob =
        lines.stream()
            .filter(l -> l.path("message").asString().contains("Job " + jobId + " "))
            .toList();
    assertThat(aboutTheJob).hasSizeGreaterThanOrEqualTo(3); // submitted, succeeded, delivered
    assertThat(aboutTheJob)
        .allSatisfy(
            l -> {
              assertThat(l.path("job_id").asString()).isEqualTo(jobId);
              assertThat(l.path("platform").asString()).isEqualTo("telegram");
              assertThat(l.path("chat_id").asString()).isEqualTo(Long.toString(CHAT));
            });
    assertThat(aboutTheJob)
        .anySatisfy(l -> assertThat(l.path("provider_task_id").asString()).isNotBlank());
    assertThat(log)
        .doesNotContain(FakeTelegramBotApi.TOKEN)
        .doesNotContain(world.ark.apiKey())
        .doesNotContain(MANAGEMENT_TOKEN)
        .doesNotContain(PLAYGROUND_TOKEN);
  }

  @Test
  @Order(4)
  void aStoppedProviderIsShownDegradedWhileTheBotStaysUp() throws Exception {
    // given the provider gone
    world.ark.close();

    // when a user asks for a video
    chats.say(CHAT + 1, "/video a paper boat on a puddle --duration 4");

    // then the operator sees the provider degraded, with the failure, and strangers see the bot up
    JsonNode ark =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    JSON.readTree(get("/actuator/health", MANAGEMENT_TOKEN).body())
                        .path("components")
                        .path("providers")
                        .path("components")
                        .path("ark"),
                node -> node.path("status").asString().equals("DEGRADED"));
    assertThat(ark.path("details").path("lastError").asString()).startsWith("transient");
    assertThat(get("/actuator/health", null)).isEqualTo(new Answer(200, "{\"status\":\"UP\"}"));
    // failed calls, whatever the operation (a create, then a look for what it made)
    await()
        .atMost(WAIT)
        .until(
            () -> sum(scrape(), "seedance_provider_calls_total", "outcome=\"transient\""),
            failed -> failed >= 3);
  }

  // ---- helpers

  private record Answer(int status, String body) {}

  private Answer get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(world.bot.baseUrl().resolve(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(answer.statusCode(), answer.body());
  }

  private String scrape() throws Exception {
    Answer answer = get("/actuator/prometheus", MANAGEMENT_TOKEN);
    assertThat(answer.status()).isEqualTo(200);
    return answer.body();
  }

  /** The metric names the Grafana dashboard in {@code docs/} queries. */
  private static Set<String> dashboardNames() throws Exception {
    JsonNode dashboard =
        JSON.readTree(Files.readString(Path.of("..", "docs", "grafana-dashboard.json")));
    Set<String> names = new TreeSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        Matcher m = Pattern.compile("seedance_\\w+").matcher(target.path("expr").asString());
        while (m.find()) {
          names.add(m.group());
        }
      }
    }
    return names;
  }

  /** The sum of the samples of {@code name} whose labels include {@code label}. */
  private static double sum(String scrape, String name, String label) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
    double sum = 0;
    while (m.find()) {
      if (m.group(1).contains(label)) {
        sum += Double.parseDouble(m.group(2));
      }
    }
    return sum;
  }

  /** The value of the sample written exactly as {@code series} (name and sorted labels), or -1. */
  private static double value(String scrape, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }
}
