package com.seedancebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.delivery.ChatCallListener;
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import com.seedancebot.telegram.fake.RecordedCall;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The real adapter (real TelegramBots client) wired against a {@link FakeTelegramBotApi}. */
final class TelegramTestBot implements AutoCloseable {
  static final Path LOG = Path.of("target", "telegram-adapter-test.log");

  final FakeTelegramBotApi fake;
  final RecordingInbox inbox = new RecordingInbox();
  final RecordingSleeper sleeper = new RecordingSleeper();
  final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  final ExecutorService inbound = Executors.newFixedThreadPool(4);
  final TelegramSettings settings;
  final TelegramAdapter adapter;

  private TelegramTestBot(FakeTelegramBotApi fake, TelegramSettings settings, Clock clock) {
    this.fake = fake;
    this.settings = settings;
    this.adapter =
        TelegramAdapter.create(
            settings, new Messages(), clock, sleeper, scheduler, inbound, ChatCallListener.NONE);
  }

  /** Long polling, real clock, short album quiet period. */
  static TelegramTestBot polling() throws IOException {
    FakeTelegramBotApi fake = new FakeTelegramBotApi();
    return new TelegramTestBot(fake, settings(fake, null, null, 50), Clock.systemUTC());
  }

  /** Webhook mode with the given secret. */
  static TelegramTestBot webhook(String secret) throws IOException {
    FakeTelegramBotApi fake = new FakeTelegramBotApi();
    URI publicUrl = URI.create("https://bot.example.org");
    return new TelegramTestBot(fake, settings(fake, secret, publicUrl, 50), Clock.systemUTC());
  }

  /** Long polling against {@code apiUrl} instead of the fake (e.g. a port nobody listens on). */
  static TelegramTestBot pollingAt(URI apiUrl) throws IOException {
    FakeTelegramBotApi fake = new FakeTelegramBotApi();
    TelegramSettings fakeSettings = settings(fake, null, null, 50);
    TelegramSettings settings =
        new TelegramSettings(
            fakeSettings.token(),
            apiUrl,
            null,
            null,
            fakeSettings.uploadLimitBytes(),
            fakeSettings.downloadLimitBytes(),
            fakeSettings.albumQuietPeriod(),
            fakeSettings.pollTimeout(),
            fakeSettings.statusEditInterval(),
            fakeSettings.groupEditsPerMinute(),
            fakeSettings.adminCacheTtl());
    return new TelegramTestBot(fake, settings, Clock.systemUTC());
  }

  /** Not connected (outbound only), on a clock the test controls. */
  static TelegramTestBot outbound(Clock clock, long uploadLimitMb) throws IOException {
    FakeTelegramBotApi fake = new FakeTelegramBotApi();
    return new TelegramTestBot(fake, settings(fake, null, null, uploadLimitMb), clock);
  }

  private static TelegramSettings settings(
      FakeTelegramBotApi fake, String secret, URI publicUrl, long uploadLimitMb) {
    return new TelegramSettings(
        FakeTelegramBotApi.TOKEN,
        fake.baseUrl(),
        secret,
        publicUrl,
        uploadLimitMb * 1024 * 1024,
        TelegramSettings.DEFAULT_DOWNLOAD_LIMIT,
        Duration.ofMillis(300),
        Duration.ofSeconds(1),
        Duration.ofSeconds(3),
        20,
        Duration.ofMinutes(1));
  }

  TelegramTestBot connect() {
    adapter.connect(inbox);
    return this;
  }

  TelegramChatPort chatPort() {
    return adapter.chatPort();
  }

  /**
   * The token may appear only in the request paths where the Bot API expects it: nowhere in bodies,
   * headers, other paths, or the captured log.
   */
  void assertTokenNeverLeaked() throws IOException {
    String token = FakeTelegramBotApi.TOKEN;
    assertThat(fake.calls())
        .as("the scan sees the token where it belongs")
        .isNotEmpty()
        .allMatch(c -> c.path().contains("bot" + token + "/"));
    for (RecordedCall call : fake.calls()) {
      String path =
          call.path()
              .replace("/file/bot" + token + "/", "/file/bot<t>/")
              .replace("/bot" + token + "/", "/bot<t>/");
      assertThat(path).doesNotContain(token);
      assertThat(new String(call.body(), StandardCharsets.ISO_8859_1)).doesNotContain(token);
      assertThat(call.headers().toString()).doesNotContain(token);
    }
    if (Files.exists(LOG)) {
      assertThat(Files.readString(LOG, StandardCharsets.ISO_8859_1)).doesNotContain(token);
    }
  }

  @Override
  public void close() {
    adapter.close();
    scheduler.shutdownNow();
    inbound.shutdownNow();
    fake.close();
  }
}
