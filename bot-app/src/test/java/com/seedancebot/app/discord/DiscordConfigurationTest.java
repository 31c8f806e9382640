package com.seedancebot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.delivery.ChatPort;
import com.seedancebot.discord.DiscordSettings;
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
        .withPropertyValues("bot.discord.token=")
        .run(context -> assertThat(context).doesNotHaveBean(ChatPort.class));
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
            "bot.discord.guild-ids=111, 222")
        .run(
            context -> {
              DiscordSettings settings = context.getBean(DiscordProperties.class).toSettings();
              assertThat(settings.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9/api/v10/"));
              assertThat(settings.gatewayUrl()).isEqualTo(URI.create("ws://127.0.0.1:9/gateway"));
              assertThat(settings.guildIds()).isEqualTo(List.of("111", "222"));
              assertThat(settings.dmUploadLimitBytes()).isEqualTo(10L << 20);
              assertThat(settings.toString()).doesNotContain("t0k");
            });
  }
}
