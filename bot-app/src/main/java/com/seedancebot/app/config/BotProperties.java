package com.seedancebot.app.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code bot} settings: where the outside world reaches this bot ({@code BOT_PUBLIC_URL}),
 * where it keeps its data ({@code BOT_DATA_DIR}), how often tasks are polled ({@code
 * BOT_POLL_INTERVAL}), how often the pipeline's scheduler ticks, and whether providers that can
 * (Ark) are asked to call back ({@code bot.callbacks}; unset = only when the public URL is
 * reachable from outside, i.e. not localhost), and this instance's name in job leases ({@code
 * BOT_INSTANCE_ID}; unset = a name kept in the data directory).
 */
@ConfigurationProperties("bot")
public record BotProperties(
    URI publicUrl,
    Path dataDir,
    Duration pollInterval,
    Duration tickInterval,
    Boolean callbacks,
    String instanceId) {
  public BotProperties {
    if (publicUrl == null) {
      publicUrl = URI.create("http://localhost:8080");
    }
    dataDir = dataDir == null ? Path.of("data") : dataDir;
    pollInterval = pollInterval == null ? Duration.ofSeconds(3) : pollInterval;
    tickInterval = tickInterval == null ? Duration.ofMillis(250) : tickInterval;
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new InvalidSettingException(
          "BOT_POLL_INTERVAL",
          "is " + Durations.text(pollInterval) + ": it must be positive, e.g. 3s");
    }
    instanceId = instanceId == null || instanceId.isBlank() ? null : instanceId.strip();
    if (instanceId != null && !instanceId.matches("[A-Za-z0-9._:-]{1,64}")) {
      throw new IllegalArgumentException(
          "BOT_INSTANCE_ID must be 1-64 letters, digits or . _ : - (e.g. the pod or host name)");
    }
  }

  /** Whether tasks should carry a callback URL. */
  public boolean callbacksEnabled() {
    return callbacks != null ? callbacks : publiclyReachable();
  }

  /** Whether the public URL was set to something reachable from outside this machine. */
  public boolean publiclyReachable() {
    String host = publicUrl.getHost();
    return host != null && !host.equals("localhost") && !host.startsWith("127.");
  }
}
