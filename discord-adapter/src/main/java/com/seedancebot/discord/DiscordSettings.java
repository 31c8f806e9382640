package com.seedancebot.discord;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the Discord adapter connects and what limits it applies before anything reaches the core.
 *
 * @param token the bot token; never logged ({@link #toString()} hides it)
 * @param apiUrl the REST base, ending with {@code /} (Discord's {@code
 *     https://discord.com/api/v10/} by default; a proxy or a test fake otherwise)
 * @param gatewayUrl the gateway WebSocket URL, or null for Discord's own (then compressed)
 * @param guildIds guilds in which slash commands are registered instantly; empty = global commands
 * @param dmUploadLimitBytes the largest file posted in a DM (guilds use their boost tier's limit)
 * @param requestTimeout how long an outbound call may take before it counts as a transient failure
 * @param attachmentLimits the largest attachment accepted per kind, checked before download
 * @param shards the gateway shards this instance runs ({@link DiscordShards#SINGLE} when null)
 */
public record DiscordSettings(
    String token,
    URI apiUrl,
    URI gatewayUrl,
    List<String> guildIds,
    long dmUploadLimitBytes,
    Duration requestTimeout,
    AttachmentLimits attachmentLimits,
    DiscordShards shards) {

  /** Discord's public REST base. */
  public static final URI DEFAULT_API_URL = URI.create("https://discord.com/api/v10/");

  /** Discord's upload limit without boosts (also the DM limit). */
  public static final long DEFAULT_UPLOAD_LIMIT = 10L << 20;

  public DiscordSettings {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("a Discord bot token is required");
    }
    apiUrl = withTrailingSlash(apiUrl == null ? DEFAULT_API_URL : apiUrl);
    guildIds = guildIds == null ? List.of() : guildIds.stream().map(String::strip).toList();
    for (String id : guildIds) {
      if (!id.matches("\\d{1,20}")) {
        throw new IllegalArgumentException(
            "DISCORD_GUILD_IDS has \"" + id + "\", which is not a Discord server id (a number).");
      }
    }
    dmUploadLimitBytes = dmUploadLimitBytes <= 0 ? DEFAULT_UPLOAD_LIMIT : dmUploadLimitBytes;
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
    attachmentLimits =
        Objects.requireNonNullElseGet(attachmentLimits, AttachmentLimits::providerDefaults);
    shards = Objects.requireNonNullElse(shards, DiscordShards.SINGLE);
  }

  /** Settings with defaults for everything but the token and the endpoints. */
  public static DiscordSettings of(String token, URI apiUrl, URI gatewayUrl) {
    return new DiscordSettings(token, apiUrl, gatewayUrl, List.of(), 0, null, null, null);
  }

  /** The same settings with slash commands registered in these guilds. */
  public DiscordSettings withGuildIds(List<String> ids) {
    return new DiscordSettings(
        token,
        apiUrl,
        gatewayUrl,
        ids,
        dmUploadLimitBytes,
        requestTimeout,
        attachmentLimits,
        shards);
  }

  /** The same settings with another DM upload limit. */
  public DiscordSettings withDmUploadLimit(long bytes) {
    return new DiscordSettings(
        token, apiUrl, gatewayUrl, guildIds, bytes, requestTimeout, attachmentLimits, shards);
  }

  /** The same settings running these shards. */
  public DiscordSettings withShards(DiscordShards running) {
    return new DiscordSettings(
        token,
        apiUrl,
        gatewayUrl,
        guildIds,
        dmUploadLimitBytes,
        requestTimeout,
        attachmentLimits,
        running);
  }

  private static URI withTrailingSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? uri : URI.create(text + "/");
  }

  @Override
  public String toString() {
    return "DiscordSettings[token=***, apiUrl="
        + apiUrl
        + ", gatewayUrl="
        + gatewayUrl
        + ", guildIds="
        + guildIds
        + ", dmUploadLimitBytes="
        + dmUploadLimitBytes
        + ", requestTimeout="
        + requestTimeout
        + ", attachmentLimits="
        + attachmentLimits
        + ", shards="
        + shards
        + "]";
  }

  /**
   * The largest attachment accepted per media kind, from the providers' input limits (PROVIDERS.md:
   * images under 30 MB, videos under 50 MB, audio under 15 MB).
   */
  public record AttachmentLimits(long imageBytes, long videoBytes, long audioBytes) {
    public static AttachmentLimits providerDefaults() {
      return new AttachmentLimits(30L << 20, 50L << 20, 15L << 20);
    }
  }
}
