package com.seedancebot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.delivery.ChatPort;
import com.seedancebot.discord.DiscordSettings;
import com.seedancebot.discord.DiscordShards;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class DiscordConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(DiscordProperties.class)
  static class Properties {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(Properties.class, DiscordConfiguration.class);

  @Test
  void without_a_token_the_adapter_is_off() {
    runner
        .withPropertyValues("bot.discord.token=", "bot.discord.shards=9")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(ChatPort.class);
            });
  }

  @Test
  void a_shard_outside_the_total_stops_the_start_with_what_to_change() {
    runner
        .withPropertyValues(
            "bot.discord.token=t0k", "bot.discord.shards=1-2", "bot.discord.shard-total=2")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "DISCORD_SHARDS lists shard 2, but DISCORD_SHARD_TOTAL is 2: shard ids run"
                            + " from 0 to 1."));
  }

  @Test
  void without_shard_settings_the_instance_runs_the_bots_one_shard() {
    new ApplicationContextRunner()
        .withUserConfiguration(Properties.class)
        .withPropertyValues("bot.discord.token=t0k")
        .run(
            context ->
                assertThat(context.getBean(DiscordProperties.class).toSettings().shards())
                    .isEqualTo(DiscordShards.SINGLE));
  }

  @Test
  void the_environment_variables_map_onto_the_settings() {
    // binding only: with a token the full configuration would connect to Discord
    new ApplicationContextRunner()
        .withUserConfiguration(Properties.class)
        .withPropertyValues(
            "bot.discord.token=t0k",
            "bot.discord.api-url=http://127.0.0.1:9/api/v10",
            "bot.discord.gateway-url=ws://127.0.0.1:9/gateway",
            "bot.discord.guild-ids=111, 222",
            "bot.discord.shards=2-3",
            "bot.discord.shard-total=4")
        .run(
            context -> {
              DiscordSettings settings = context.getBean(DiscordProperties.class).toSettings();
              assertThat(settings.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9/api/v10/"));
              assertThat(settings.gatewayUrl()).isEqualTo(URI.create("ws://127.0.0.1:9/gateway"));
              assertThat(settings.guildIds()).isEqualTo(List.of("111", "222"));
              assertThat(settings.dmUploadLimitBytes()).isEqualTo(10L << 20);
              assertThat(settings.shards()).isEqualTo(new DiscordShards(List.of(2, 3), 4));
              assertThat(settings.toString()).doesNotContain("t0k");
            });
  }
}
