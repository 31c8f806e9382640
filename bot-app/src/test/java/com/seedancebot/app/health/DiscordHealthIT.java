package com.seedancebot.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.app.SeedanceBotApplication;
import com.seedancebot.discord.fake.FakeDiscord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /actuator/health} with Discord on and this instance running two shards, against {@link
 * FakeDiscord}: DOWN while one shard still waits for its turn to identify (Discord lets a small bot
 * identify one shard every 5 s), UP once both are connected, each shard's state in the details; and
 * shard settings that cannot work stop the start with what to change.
 */
class DiscordHealthIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final RestClient HTTP = RestClient.create();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String MANAGEMENT_TOKEN = "health-details-token";

  @TempDir Path dataDir;

  @Test
  void healthIsUpOnlyWhenEveryShardOfThisInstanceIsConnected() throws Exception {
    try (FakeDiscord discord = FakeDiscord.start()) {
      discord.recommendShards(2, 1);
      try (ConfigurableApplicationContext app =
          start(discord, "--DISCORD_SHARDS=0-1", "--DISCORD_SHARD_TOTAL=2")) {
        String base = base(app);

        // while shard 0 is connected and shard 1 still waits, the instance is not ready
        JsonNode partly = await(base, h -> "CONNECTED".equals(shard(h, "0")));
        assertThat(partly.path("status").asString()).isEqualTo("DOWN");
        assertThat(shard(partly, "1")).isNotEqualTo("CONNECTED");

        // once both are connected it is
        JsonNode up = await(base, h -> "UP".equals(h.path("status").asString()));
        JsonNode details = up.path("components").path("discord").path("details");
        assertThat(details.path("shards").toString())
            .isEqualTo("{\"0\":\"CONNECTED\",\"1\":\"CONNECTED\"}");
        assertThat(details.path("shardTotal").asInt()).isEqualTo(2);
      }
    }
  }

  private ConfigurableApplicationContext start(FakeDiscord discord, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--bot.data-dir=" + dataDir,
                "--bot.management-token=" + MANAGEMENT_TOKEN,
                "--DISCORD_BOT_TOKEN=" + FakeDiscord.TOKEN,
                "--DISCORD_API_URL=" + discord.apiUrl(),
                "--DISCORD_GATEWAY_URL=" + discord.gatewayUrl()));
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(SeedanceBotApplication.class)
        .run(args.toArray(String[]::new));
  }

  private static String base(ConfigurableApplicationContext app) {
    return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
  }

  private static String shard(JsonNode health, String id) {
    return health
        .path("components")
        .path("discord")
        .path("details")
        .path("shards")
        .path(id)
        .asString("");
  }

  private static JsonNode health(String base) {
    return HTTP.get()
        .uri(base + "/actuator/health")
        .header("Authorization", "Bearer " + MANAGEMENT_TOKEN)
        .exchange((request, response) -> JSON.readTree(response.getBody().readAllBytes()));
  }

  private static JsonNode await(String base, java.util.function.Predicate<JsonNode> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    JsonNode health;
    while (!condition.test(health = health(base))) {
      assertThat(System.nanoTime())
          .as("health as expected within %s: %s", WAIT, health)
          .isLessThan(deadline);
      Thread.sleep(50);
    }
    return health;
  }
}
