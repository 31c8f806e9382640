package com.seedancebot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.seedancebot.core.chat.Messages;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What the runner reports for health checks against a {@link com.seedancebot.discord.fake
 * .FakeDiscord}: connected only while the gateway is, not before starting, not once Discord goes
 * away, not after closing.
 */
class DiscordConnectionStatusIT {

  @Test
  void notConnectedBeforeStarting() {
    DiscordBotRunner runner =
        new DiscordBotRunner(
            DiscordSettings.of("token", URI.create("http://127.0.0.1:9/api/v10/"), null),
            new DiscordCommands(new Messages()).all());

    assertThat(runner.connected()).isFalse();
    assertThat(runner.shardStates()).containsExactly(entry(0, "not started"));
  }

  @Test
  void connectedWhileTheGatewayIsThenNotOnceDiscordGoesAway() throws Exception {
    try (DiscordHarness discord = new DiscordHarness()) {
      assertThat(discord.runner.connected()).isTrue();
      assertThat(discord.runner.shardStates()).containsExactly(entry(0, "CONNECTED"));

      discord.fake.close();

      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (discord.runner.connected()) {
        assertThat(System.nanoTime()).as("disconnect noticed").isLessThan(deadline);
        Thread.sleep(50);
      }
      assertThat(discord.runner.shardStates().get(0)).isNotEqualTo("CONNECTED");

      discord.runner.close();
      assertThat(discord.runner.connected()).isFalse();
      assertThat(discord.runner.shardStates()).containsExactly(entry(0, "not started"));
    }
  }
}
