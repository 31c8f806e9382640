package com.seedancebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TelegramSettingsTest {
  @Test
  void webhookNeedsSecretAndPublicUrlAndToStringHidesTheToken() {
    var polling = TelegramSettings.defaults("1:tok", null, null, URI.create("https://x.org"));
    var webhook = TelegramSettings.defaults("1:tok", null, "s", URI.create("https://x.org/"));

    assertThat(polling.webhookMode()).isFalse();
    assertThat(polling.apiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
    assertThat(webhook.webhookMode()).isTrue();
    assertThat(webhook.webhookUrl()).isEqualTo(URI.create("https://x.org/telegram/webhook"));
    assertThat(webhook.toString()).doesNotContain("1:tok");
    assertThat(TelegramBotRunner.telegramUrl(polling).getPort()).isEqualTo(443);
  }

  @Test
  void rejectsMissingTokenAndImpossibleUploadLimit() {
    assertThatThrownBy(() -> TelegramSettings.defaults(" ", null, null, null))
        .hasMessageContaining("token");
    assertThatThrownBy(
            () ->
                new TelegramSettings(
                    "1:t",
                    null,
                    null,
                    null,
                    2001L * 1024 * 1024,
                    1,
                    null,
                    null,
                    null,
                    20,
                    null,
                    null,
                    null))
        .hasMessageContaining("2000 MB");
  }

  @Test
  void theBotIdComesFromTheTokenAndAMalformedTokenIsNamedWithoutBeingShown() {
    assertThat(TelegramSettings.defaults("7001234567:AAF-x", null, null, null).botId())
        .isEqualTo(7001234567L);
    assertThatThrownBy(() -> TelegramSettings.defaults("not-a-token", null, null, null))
        .hasMessageContaining("TELEGRAM_BOT_TOKEN")
        .hasMessageNotContaining("not-a-token");
  }

  @Test
  void leasesDefaultToThirtySecondsAndUpdatesAreKeptTwoDays() {
    var settings = TelegramSettings.defaults("1:tok", null, null, null);

    assertThat(settings.leaseTime()).hasSeconds(30);
    assertThat(settings.inboxRetention()).hasDays(2);
  }
}
