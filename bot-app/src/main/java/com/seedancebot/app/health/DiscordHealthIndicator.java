package com.seedancebot.app.health;

import com.seedancebot.discord.DiscordBotRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code discord} health component: UP while the JDA gateway is connected, DOWN while it is not
 * started, connecting or reconnecting, with the gateway's state as {@code gateway} (shown only when
 * the operator enables health details). Cheap: no call to Discord.
 */
public class DiscordHealthIndicator implements HealthIndicator {

  private final DiscordBotRunner runner;

  public DiscordHealthIndicator(DiscordBotRunner runner) {
    this.runner = runner;
  }

  @Override
  public Health health() {
    return (runner.connected() ? Health.up() : Health.down())
        .withDetail("gateway", runner.gatewayState())
        .build();
  }
}
