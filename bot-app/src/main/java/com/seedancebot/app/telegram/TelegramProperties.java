package com.seedancebot.app.telegram;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code bot.telegram.*} (see {@code telegram.yml}): the Telegram adapter's settings. A blank token
 * turns Telegram off. {@link #toString()} hides the token and the webhook secret.
 *
 * @param token {@code TELEGRAM_BOT_TOKEN}
 * @param apiUrl {@code TELEGRAM_API_URL}: the Bot API server (scheme, host, port)
 * @param webhookSecret {@code TELEGRAM_WEBHOOK_SECRET}: with {@code bot.public-url}, webhook mode
 * @param uploadLimit videos above this are sent as a link (50MB; up to 2000MB on a self-hosted Bot
 *     API server)
 * @param downloadLimit the largest attachment bots may download (20MB on the public server)
 * @param albumQuietPeriod how long to wait for more parts of an album
 * @param pollTimeout the long-polling timeout
 * @param statusEditInterval the shortest time between two edits of one status message
 * @param groupEditsPerMinute the most status edits per minute in one group
 * @param adminCacheTtl how long a chat-admin lookup is trusted
 * @param leaseTime {@code TELEGRAM_LEASE_TIME}: the long-polling lease and the claim of an update
 *     being processed; a dead instance's polling or updates are taken over after this
 * @param inboxRetention {@code TELEGRAM_INBOX_RETENTION}: how long received updates are kept to
 *     recognise a second delivery
 */
@ConfigurationProperties("bot.telegram")
public record TelegramProperties(
    String token,
    @DefaultValue("https://api.telegram.org") URI apiUrl,
    String webhookSecret,
    @DefaultValue("50MB") DataSize uploadLimit,
    @DefaultValue("20MB") DataSize downloadLimit,
    @DefaultValue("1500ms") Duration albumQuietPeriod,
    @DefaultValue("50s") Duration pollTimeout,
    @DefaultValue("3s") Duration statusEditInterval,
    @DefaultValue("20") int groupEditsPerMinute,
    @DefaultValue("1m") Duration adminCacheTtl,
    @DefaultValue("30s") Duration leaseTime,
    @DefaultValue("2d") Duration inboxRetention) {

  /** Whether a token is configured. */
  public boolean enabled() {
    return token != null && !token.isBlank();
  }

  @Override
  public String toString() {
    return "TelegramProperties[apiUrl="
        + apiUrl
        + ", webhook="
        + (webhookSecret != null && !webhookSecret.isBlank())
        + ", uploadLimit="
        + uploadLimit
        + ", downloadLimit="
        + downloadLimit
        + "]";
  }
}
