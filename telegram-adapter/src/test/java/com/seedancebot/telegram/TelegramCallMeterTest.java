package com.seedancebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import org.junit.jupiter.api.Test;

/** How Bot API calls are named for monitoring: by method, never with the token. */
class TelegramCallMeterTest {

  private static final String TOKEN = FakeTelegramBotApi.TOKEN;

  @Test
  void aCallIsNamedByItsMethodAndAFileDownloadAsFile() {
    assertThat(TelegramCallMeter.method("/bot" + TOKEN + "/sendVideo")).isEqualTo("sendvideo");
    assertThat(TelegramCallMeter.method("/bot" + TOKEN + "/getupdates")).isEqualTo("getupdates");
    assertThat(TelegramCallMeter.method("/file/bot" + TOKEN + "/photos/file_1.jpg"))
        .isEqualTo("file");
    assertThat(TelegramCallMeter.method("/bot" + TOKEN)).isEqualTo("other");
  }
}
