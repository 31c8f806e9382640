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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The real adapter (real TelegramBots client) wired against a {@link FakeTelegramBotApi}, on a
 * private in-memory H2 database unless it is given one it shares with other instances.
 */
final class TelegramTestBot implements AutoCloseable {
  static final Path LOG = Path.of("target", "telegram-adapter-test.log");
  static final URI PUBLIC_URL = URI.create("https://bot.example.org");

  final FakeTelegramBotApi fake;
  final RecordingInbox inbox = new RecordingInbox();
  final RecordingSleeper sleeper = new RecordingSleeper();
  final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  final ExecutorService inbound = Executors.newFixedThreadPool(4);
  final TelegramSettings settings;
  final TelegramAdapter adapter;
  private final boolean ownsFake;

  private TelegramTestBot(
      FakeTelegramBotApi fake,
      TelegramSettings settings,
      Clock clock,
      SharedDatabase database,
      boolean ownsFake) {
    this.fake = fake;
    this.settings = settings;
    this.ownsFake = ownsFake;
    this.adapter =
        TelegramAdapter.create(
            settings,
            new Messages(),
            clock,
            sleeper,
            scheduler,
            inbound,
            ChatCallListener.NONE,
            database);
  }

  private TelegramTestBot(FakeTelegramBotApi fake, TelegramSettings settings, Clock clock) {
    this(fake, settings, clock, new SharedDatabase(TestDatabases.lazyH2(), "test-instance"), true);
  }

  /** Long polling, real clock, short album quiet period. */
  static TelegramTestBot polling() throws IOException {
    FakeTelegramBotApi fake = new FakeTelegramBotApi();
    return new TelegramTestBot(fake, settings(fake, null, null, 50), Clock.systemUTC());
  }

  /** Webhook mode with the given secret. */
  static TelegramTestBot webhook(String secret) throws IOException {
    FakeTelegramBotApi fake = new FakeTelegramBotApi();
    return new TelegramTestBot(fake, settings(fake, secret, PUBLIC_URL, 50), Clock.systemUTC());
  }

  /**
   * The production default: an album's parts reaching different instances are stored one after
   * another, and on a loaded machine that can take longer than the short period other tests use.
   */
  static final Duration INSTANCE_ALBUM_QUIET_PERIOD = Duration.ofMillis(1500);

  /**
   * One of several instances of the bot: the fake and the database are shared (and closed by the
   * caller); a webhook secret turns webhook mode on; leases last {@code leaseTime}.
   */
  static TelegramTestBot instance(
      FakeTelegramBotApi fake,
      DataSource database,
      String instanceId,
      String webhookSecret,
      Duration leaseTime) {
    TelegramSettings s =
        settings(fake, webhookSecret, webhookSecret == null ? null : PUBLIC_URL, 50);
    TelegramSettings leased =
        new TelegramSettings(
            s.token(),
            s.apiUrl(),
            s.webhookSecret(),
            s.publicUrl(),
            s.uploadLimitBytes(),
            s.downloadLimitBytes(),
            INSTANCE_ALBUM_QUIET_PERIOD,
            s.pollTimeout(),
            s.statusEditInterval(),
            s.groupEditsPerMinute(),
            s.adminCacheTtl(),
            leaseTime,
            null);
    return new TelegramTestBot(
        fake, leased, Clock.systemUTC(), new SharedDatabase(database, instanceId), false);
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
            fakeSettings.adminCacheTtl(),
            null,
            null);
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
        Duration.ofMinutes(1),
        null,
        null);
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
    // let running work end: an interrupt during a database call would close an H2 file database
    for (ExecutorService pool : List.of(scheduler, inbound)) {
      pool.shutdown();
      try {
        pool.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      pool.shutdownNow();
    }
    if (ownsFake) {
      fake.close();
    }
  }
}
