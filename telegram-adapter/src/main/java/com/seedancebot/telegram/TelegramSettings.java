package com.seedancebot.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the Telegram adapter needs to connect and behave, in one immutable value. The token is
 * a secret: {@link #toString()} never shows it. Webhook mode is on when both a webhook secret and a
 * public URL are set; otherwise the adapter uses long polling.
 *
 * @param token the bot token from BotFather
 * @param apiUrl the Bot API server (scheme, host and port only), e.g. {@code
 *     https://api.telegram.org}
 * @param webhookSecret the {@code secret_token} Telegram echoes in {@code
 *     X-Telegram-Bot-Api-Secret-Token}, or null for long polling
 * @param publicUrl how Telegram reaches this bot's HTTP server, or null
 * @param uploadLimitBytes the largest video uploaded as a file (50 MB on the public server, up to
 *     2000 MB on a self-hosted one); bigger videos are sent as a link
 * @param downloadLimitBytes the largest attachment the Bot API lets a bot download (20 MB on the
 *     public server)
 * @param albumQuietPeriod how long after the last part of an album the album counts as complete
 * @param pollTimeout the long-polling {@code getUpdates} timeout
 * @param statusEditInterval the shortest time between two edits of one status message
 * @param groupEditsPerMinute the most status edits per minute in one group chat
 * @param adminCacheTtl how long a {@code getChatMember} answer is trusted
 * @param leaseTime how long the long-polling lease and the claim of an update being processed keep
 *     other instances off (renewed meanwhile): a dead instance's polling or updates are taken over
 *     after this
 * @param inboxRetention how long received updates are kept to recognise a second delivery
 */
public record TelegramSettings(
    String token,
    URI apiUrl,
    String webhookSecret,
    URI publicUrl,
    long uploadLimitBytes,
    long downloadLimitBytes,
    Duration albumQuietPeriod,
    Duration pollTimeout,
    Duration statusEditInterval,
    int groupEditsPerMinute,
    Duration adminCacheTtl,
    Duration leaseTime,
    Duration inboxRetention) {

  /** The public Bot API server. */
  public static final URI DEFAULT_API_URL = URI.create("https://api.telegram.org");

  /** The public server's upload limit for bots. */
  public static final long DEFAULT_UPLOAD_LIMIT = 50L * 1024 * 1024;

  /** The public server's download limit for bots ({@code getFile}). */
  public static final long DEFAULT_DOWNLOAD_LIMIT = 20L * 1024 * 1024;

  /** The lease time when none is set: a dead poller is replaced within about 40 s. */
  public static final Duration DEFAULT_LEASE_TIME = Duration.ofSeconds(30);

  private static final Pattern BOT_TOKEN = Pattern.compile("\\d{1,18}:\\S+");

  /** A self-hosted Bot API server accepts uploads up to this size. */
  public static final long MAX_UPLOAD_LIMIT = 2000L * 1024 * 1024;

  public TelegramSettings {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("a Telegram bot token is required");
    }
    if (!BOT_TOKEN.matcher(token).matches()) {
      throw new IllegalArgumentException(
          "TELEGRAM_BOT_TOKEN must be a token from BotFather (<bot id>:<secret>)");
    }
    apiUrl = apiUrl == null ? DEFAULT_API_URL : apiUrl;
    if (apiUrl.getScheme() == null || apiUrl.getHost() == null) {
      throw new IllegalArgumentException("TELEGRAM_API_URL must be an absolute http(s) URL");
    }
    webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret;
    if (uploadLimitBytes <= 0 || uploadLimitBytes > MAX_UPLOAD_LIMIT) {
      throw new IllegalArgumentException("the upload limit must be between 1 byte and 2000 MB");
    }
    if (downloadLimitBytes <= 0) {
      throw new IllegalArgumentException("the download limit must be positive");
    }
    albumQuietPeriod = positive(albumQuietPeriod, Duration.ofMillis(1500), "albumQuietPeriod");
    pollTimeout = positive(pollTimeout, Duration.ofSeconds(50), "pollTimeout");
    statusEditInterval = positive(statusEditInterval, Duration.ofSeconds(3), "statusEditInterval");
    adminCacheTtl = positive(adminCacheTtl, Duration.ofMinutes(1), "adminCacheTtl");
    leaseTime = positive(leaseTime, DEFAULT_LEASE_TIME, "leaseTime");
    inboxRetention = positive(inboxRetention, Duration.ofDays(2), "inboxRetention");
    if (groupEditsPerMinute <= 0) {
      throw new IllegalArgumentException("groupEditsPerMinute must be positive");
    }
  }

  /** Settings with the public server's defaults for everything but the token and URLs. */
  public static TelegramSettings defaults(
      String token, URI apiUrl, String webhookSecret, URI publicUrl) {
    return new TelegramSettings(
        token,
        apiUrl,
        webhookSecret,
        publicUrl,
        DEFAULT_UPLOAD_LIMIT,
        DEFAULT_DOWNLOAD_LIMIT,
        null,
        null,
        null,
        20,
        null,
        null,
        null);
  }

  /** The bot's numeric id: the part of the token before the colon (not secret). */
  public long botId() {
    return Long.parseLong(token.substring(0, token.indexOf(':')));
  }

  /** Whether updates arrive by webhook (secret and public URL set) rather than long polling. */
  public boolean webhookMode() {
    return webhookSecret != null && publicUrl != null;
  }

  /** The URL Telegram posts updates to in webhook mode. */
  public URI webhookUrl() {
    Objects.requireNonNull(publicUrl, "publicUrl");
    String base = publicUrl.toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + "telegram/webhook");
  }

  private static Duration positive(Duration value, Duration fallback, String name) {
    Duration d = value == null ? fallback : value;
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return d;
  }

  @Override
  public String toString() {
    return "TelegramSettings[apiUrl="
        + apiUrl
        + ", webhook="
        + webhookMode()
        + ", publicUrl="
        + publicUrl
        + ", uploadLimitBytes="
        + uploadLimitBytes
        + ", downloadLimitBytes="
        + downloadLimitBytes
        + ", albumQuietPeriod="
        + albumQuietPeriod
        + ", leaseTime="
        + leaseTime
        + "]";
  }
}
