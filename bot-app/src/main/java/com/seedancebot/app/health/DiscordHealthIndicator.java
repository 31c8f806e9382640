package com.seedancebot.app.health;

import com.seedancebot.discord.DiscordBotRunner;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code discord} health component: UP while every gateway shard this instance runs is
 * connected, DOWN while any one is not started, queued, connecting or reconnecting (its guilds'
 * interactions would go unanswered). Details (shown only when the operator enables them): {@code
 * shards}, each of this instance's shard ids with its state, and {@code shardTotal}. Cheap: no call
 * to Discord.
 */
public class DiscordHealthIndicator implements HealthIndicator {

  private final DiscordBotRunner runner;

  public DiscordHealthIndicator(DiscordBotRunner runner) {
    this.runner = runner;
  }

  @Override
  public Health health() {
    Map<String, String> shards = new LinkedHashMap<>();
    runner.shardStates().forEach((id, state) -> shards.put(Integer.toString(id), state));
    boolean allConnected = shards.values().stream().allMatch(DiscordBotRunner.CONNECTED::equals);
    return (allConnected ? Health.up() : Health.down())
        .withDetail("shards", shards)
        .withDetail("shardTotal", runner.shards().total())
        .build();
  }
}
