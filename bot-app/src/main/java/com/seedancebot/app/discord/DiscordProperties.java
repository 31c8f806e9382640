package com.seedancebot.app.discord;

import com.seedancebot.discord.DiscordSettings;
import com.seedancebot.discord.DiscordShards;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code bot.discord.*} (see {@code discord.yml} for the environment variables). A blank token
 * leaves the Discord adapter off.
 *
 * @param token {@code DISCORD_BOT_TOKEN}
 * @param apiUrl {@code DISCORD_API_URL}, Discord's REST base by default
 * @param gatewayUrl {@code DISCORD_GATEWAY_URL}, blank = Discord's own gateway
 * @param guildIds {@code DISCORD_GUILD_IDS}, comma-separated; empty = global commands
 * @param dmUploadLimit largest video uploaded in a DM (guilds use their boost tier's limit)
 * @param requestTimeout how long one Discord call may take
 * @param threads threads that hand interactions to the core
 * @param shards {@code DISCORD_SHARDS}, the gateway shards this instance runs ({@code 0,1}, {@code
 *     0-3}); blank = every shard
 * @param shardTotal {@code DISCORD_SHARD_TOTAL}, the bot's number of shards (the same on every
 *     instance); blank = 1
 */
@ConfigurationProperties("bot.discord")
public record DiscordProperties(
    String token,
    @DefaultValue("https://discord.com/api/v10/") String apiUrl,
    String gatewayUrl,
    List<String> guildIds,
    @DefaultValue("10MB") DataSize dmUploadLimit,
    @DefaultValue("30s") Duration requestTimeout,
    @DefaultValue("4") int threads,
    String shards,
    Integer shardTotal) {

  /** Refuses wrong shard settings at startup (only when the adapter runs), naming the fix. */
  public DiscordProperties {
    if (token != null && !token.isBlank()) {
      DiscordShards.parse(shards, shardTotal);
    }
  }

  /** Whether the adapter should run. */
  public boolean enabled() {
    return token != null && !token.isBlank();
  }

  /**
   * The adapter's settings; blank URLs mean the defaults.
   *
   * @throws IllegalArgumentException naming the setting that is wrong (shards, guild ids)
   */
  public DiscordSettings toSettings() {
    return new DiscordSettings(
        token.strip(),
        blank(apiUrl) ? null : URI.create(apiUrl.strip()),
        blank(gatewayUrl) ? null : URI.create(gatewayUrl.strip()),
        guildIds == null ? List.of() : guildIds.stream().filter(id -> !blank(id)).toList(),
        dmUploadLimit.toBytes(),
        requestTimeout,
        null,
        DiscordShards.parse(shards, shardTotal));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public String toString() {
    return "DiscordProperties[token="
        + (enabled() ? "***" : "")
        + ", apiUrl="
        + apiUrl
        + ", shards="
        + shards
        + ", shardTotal="
        + shardTotal
        + "]";
  }
}
