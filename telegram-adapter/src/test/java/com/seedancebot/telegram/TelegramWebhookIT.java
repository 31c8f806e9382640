package com.seedancebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import com.seedancebot.telegram.fake.RecordedCall;
import java.io.IOException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook mode: registration with the secret, once and idempotently; the endpoint's secret check;
 * each update reaching the core once however often Telegram delivers it.
 */
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
    assertThat(set.field("drop_pending_updates")).isEqualTo("false");
    assertThat(fake.calls().stream().map(RecordedCall::method))
        .containsSubsequence("getwebhookinfo", "setwebhook");
    assertThat(fake.webhookUrl()).isEqualTo("https://bot.example.org/telegram/webhook");
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
  void anUpdateTelegramDeliversAgainIsAcknowledgedAndReachesTheCoreOnce() throws Exception {
    var update = fake.updates().message(4242, 4242, "en").text("/video once").update();
    update.put("update_id", 77);

    assertThat(bot.adapter.webhook().handle(SECRET, update.toString()).status()).isEqualTo(200);
    assertThat(bot.inbox.nextMessage().text()).isEqualTo("/video once");

    // our answer was lost on the way: Telegram delivers the update again
    assertThat(bot.adapter.webhook().handle(SECRET, update.toString()).status()).isEqualTo(200);

    bot.inbox.assertNoMessage(Duration.ofMillis(500));
  }

  @Test
  void theWebhookIsSetOnceAcrossRestartsAndAgainWhenItsSecretChangesOrItWasRemoved()
      throws Exception {
    try (FakeTelegramBotApi telegram = new FakeTelegramBotApi()) {
      DataSource db = TestDatabases.h2();

      run(telegram, db, SECRET);
      run(telegram, db, SECRET);
      assertThat(telegram.calls("setWebhook")).as("left alone on restart").hasSize(1);

      run(telegram, db, "rotated-" + SECRET);
      assertThat(telegram.calls("setWebhook")).hasSize(2);
      assertThat(telegram.calls("setWebhook").get(1).field("secret_token"))
          .isEqualTo("rotated-" + SECRET);

      run(telegram, db, null); // a long-polling run deletes the webhook
      assertThat(telegram.webhookUrl()).isNull();
      run(telegram, db, "rotated-" + SECRET);
      assertThat(telegram.calls("setWebhook")).hasSize(3);
      assertThat(telegram.webhookUrl()).isEqualTo("https://bot.example.org/telegram/webhook");
    }
  }

  @Test
  void notUpAndNoEndpointWhileTheWebhookCannotBeSet() throws Exception {
    try (TelegramTestBot refused = TelegramTestBot.webhook(SECRET)) {
      refused.fake.failNext(
          "setWebhook", 400, "Bad Request: bad webhook: HTTPS url must be provided");

      assertThatThrownBy(() -> refused.adapter.connect(refused.inbox))
          .hasMessageContaining("setWebhook");

      assertThat(refused.adapter.status().up()).isFalse();
      assertThat(refused.adapter.webhook()).isNull();
      refused.connect();
      assertThat(refused.adapter.status().up()).isTrue();
      assertThat(refused.adapter.status().detail()).endsWith("receives updates by webhook");
    }
  }

  private static void run(FakeTelegramBotApi telegram, DataSource db, String secret) {
    TelegramTestBot.instance(telegram, db, "restarted", secret, Duration.ofSeconds(30))
        .connect()
        .close();
  }

  @Test
  void malformedBodyIsABadRequest() {
    assertThat(bot.adapter.webhook().handle(SECRET, "{not json").status()).isEqualTo(400);
  }
}
