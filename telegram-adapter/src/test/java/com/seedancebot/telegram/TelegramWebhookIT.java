package com.seedancebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import com.seedancebot.telegram.fake.RecordedCall;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook mode: registration with the secret, and the endpoint's secret check. */
class TelegramWebhookIT {
  private static final String SECRET = "s3cr3t-Webhook_Value";

  private TelegramTestBot bot;
  private FakeTelegramBotApi fake;

  @BeforeEach
  void start() throws IOException {
    bot = TelegramTestBot.webhook(SECRET).connect();
    fake = bot.fake;
  }

  @AfterEach
  void stop() throws IOException {
    bot.assertTokenNeverLeaked();
    bot.close();
  }

  @Test
  void registersTheWebhookWithSecretAndDoesNotPoll() {
    RecordedCall set = fake.calls("setWebhook").get(0);

    assertThat(set.field("url")).isEqualTo("https://bot.example.org/telegram/webhook");
    assertThat(set.field("secret_token")).isEqualTo(SECRET);
    assertThat(set.field("allowed_updates")).contains("message").contains("callback_query");
    assertThat(fake.calls("getUpdates")).isEmpty();
    assertThat(fake.calls("deleteWebhook")).isEmpty();
  }

  @Test
  void missingOrWrongSecretIsRejectedAndNothingReachesTheCore() throws Exception {
    String body = fake.updates().message(4242, 4242, "en").text("/video hi").update().toString();
    TelegramWebhookHandler webhook = bot.adapter.webhook();

    assertThat(webhook.handle(null, body).status()).isEqualTo(401);
    assertThat(webhook.handle("wrong", body).status()).isEqualTo(401);
    assertThat(webhook.handle(SECRET + "x", body).status()).isEqualTo(401);

    bot.inbox.assertNoMessage(Duration.ofMillis(300));
  }

  @Test
  void rightSecretFeedsTheUpdateToTheCore() throws Exception {
    var update = fake.updates().message(4242, 4242, "en").text("/video hi").update();
    update.put("update_id", 1);

    TelegramWebhookHandler.Response response =
        bot.adapter.webhook().handle(SECRET, update.toString());

    assertThat(response.status()).isEqualTo(200);
    assertThat(bot.inbox.nextMessage().text()).isEqualTo("/video hi");
  }

  @Test
  void malformedBodyIsABadRequest() {
    assertThat(bot.adapter.webhook().handle(SECRET, "{not json").status()).isEqualTo(400);
  }
}
