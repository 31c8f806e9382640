package com.seedancebot.telegram;

import com.seedancebot.telegram.store.JdbcWebhookRecord;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;

/**
 * Webhook mode: Telegram posts updates to {@code BOT_PUBLIC_URL/telegram/webhook} with the secret.
 * {@link #start()} registers that once, however many instances start: {@code getWebhookInfo} comes
 * first, and a webhook already set to this URL and these update types, with the secret this bot
 * recorded when it set it (a keyed hash in the database, never the secret), is left alone;
 * otherwise {@code setWebhook} is called, keeping the updates Telegram holds, and recorded.
 */
final class TelegramWebhookRegistration implements UpdateSource {
  private static final Logger log = LoggerFactory.getLogger(TelegramWebhookRegistration.class);

  private final TelegramApi api;
  private final JdbcWebhookRecord record;
  private final TelegramSettings settings;
  private final List<String> allowedUpdates;
  private final Clock clock;

  TelegramWebhookRegistration(
      TelegramApi api,
      JdbcWebhookRecord record,
      TelegramSettings settings,
      List<String> allowedUpdates,
      Clock clock) {
    this.api = Objects.requireNonNull(api, "api");
    this.record = Objects.requireNonNull(record, "record");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.allowedUpdates = List.copyOf(allowedUpdates);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void start() {
    String url = settings.webhookUrl().toString();
    String fingerprint = fingerprint(url);
    WebhookInfo info = api.call("getWebhookInfo", c -> c.execute(new GetWebhookInfo()));
    boolean sameUpdates =
        info.getAllowedUpdates() != null
            && Set.copyOf(info.getAllowedUpdates()).equals(Set.copyOf(allowedUpdates));
    if (url.equals(info.getUrl())
        && sameUpdates
        && record.fingerprint().filter(fingerprint::equals).isPresent()) {
      log.info("Telegram webhook is set to {} already; left as it is", url);
      return;
    }
    api.call(
        "setWebhook",
        c ->
            c.execute(
                SetWebhook.builder()
                    .url(url)
                    .secretToken(settings.webhookSecret())
                    .allowedUpdates(allowedUpdates)
                    .dropPendingUpdates(false)
                    .build()));
    record.save(fingerprint, clock.instant());
    log.info("Telegram webhook set to {}", url);
  }

  @Override
  public String describe() {
    return "receives updates by webhook";
  }

  @Override
  public void close() {
    // the webhook stays: the other instances (or the next start) keep receiving through it
  }

  /** A keyed hash of what was registered: changes with the URL, the secret or the update types. */
  private String fingerprint(String url) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(settings.token().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String registered =
          url + "\n" + settings.webhookSecret() + "\n" + String.join(",", allowedUpdates);
      return HexFormat.of().formatHex(mac.doFinal(registered.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
