package com.seedancebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * What the adapter reports for health checks, and what an operator reads when Telegram fails: down
 * until {@code getMe} succeeded and updates flow, down again when the Bot API server goes away,
 * always with the cause and never with the token.
 */
class TelegramStatusIT {

  @Test
  void downWhileGetMeIsRefusedThenUpOnceConnected() throws Exception {
    try (TelegramTestBot bot = TelegramTestBot.polling()) {
      assertThat(bot.adapter.status().up()).as("before connecting").isFalse();
      bot.fake.failNext("getMe", 401, "Unauthorized");

      TelegramCallException refused =
          catchThrowableOfType(TelegramCallException.class, () -> bot.adapter.connect(bot.inbox));

      assertThat(refused.getMessage()).isEqualTo("Telegram refused getMe (401): Unauthorized");
      assertThat(bot.adapter.status().up()).isFalse();
      assertThat(bot.adapter.status().detail()).containsIgnoringCase("getMe").contains("401");

      bot.connect();

      assertThat(bot.adapter.status().up()).isTrue();
      assertThat(bot.adapter.status().detail())
          .isEqualTo("@" + FakeTelegramBotApi.BOT_USERNAME + " receives updates by long polling");
      bot.assertTokenNeverLeaked();
    }
  }

  @Test
  void downWhenTheBotApiServerGoesAway() throws Exception {
    try (TelegramTestBot bot = TelegramTestBot.polling().connect()) {
      assertThat(bot.adapter.status().up()).isTrue();

      bot.fake.close();

      await(() -> !bot.adapter.status().up(), Duration.ofSeconds(20));
      assertThat(bot.adapter.status().detail())
          .containsIgnoringCase("getUpdates")
          .contains("Connection refused");
    }
  }

  @Test
  void aGetMeAgainstAnUnreachableServerNamesTheCauseButNotTheToken() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (TelegramTestBot bot =
        TelegramTestBot.pollingAt(URI.create("http://127.0.0.1:" + closedPort))) {
      TelegramCallException failure =
          catchThrowableOfType(TelegramCallException.class, () -> bot.adapter.connect(bot.inbox));

      assertThat(failure.getMessage())
          .startsWith("Telegram getMe failed: ")
          .contains("Connection refused")
          .doesNotContain(FakeTelegramBotApi.TOKEN);
      assertThat(failure.retryable()).isTrue();
      assertThat(bot.adapter.status().detail()).contains("Connection refused");
      String log = Files.readString(TelegramTestBot.LOG, StandardCharsets.ISO_8859_1);
      assertThat(log)
          .contains("Telegram getme failed: ")
          .contains("Connection refused")
          .doesNotContain(FakeTelegramBotApi.TOKEN);
    }
  }

  private static void await(BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within %s", timeout).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
