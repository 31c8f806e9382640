package com.seedancebot.app.blackbox;

import com.seedancebot.core.provider.fake.FakeArkServer;
import com.seedancebot.core.provider.fake.FakeProviderServer.CreatedTask;
import com.seedancebot.core.provider.fake.Progression;
import com.seedancebot.core.provider.fake.SampleMedia;
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The packaged bot between a fake Telegram Bot API server and a fake Ark, with short intervals:
 * polling every 200 ms, 5 s leases, room for every job at Ark at once. Ark's tasks move on their
 * own, one step (queued → running → succeeded) every {@code step}, like a provider with a short
 * queue and run time. Every result is the same 2 s clip. Close it to stop the bot and the fakes.
 */
final class ChaosRig implements AutoCloseable {

  /** Length of every result video, what a success costs in seconds of quota. */
  static final int RESULT_SECONDS = 2;

  final FakeTelegramBotApi telegram;
  final FakeArkServer ark;
  final TelegramChats chats;
  final PackagedBot bot;
  private final ScheduledExecutorService advancer;

  private ChaosRig(
      FakeTelegramBotApi telegram,
      FakeArkServer ark,
      ScheduledExecutorService advancer,
      PackagedBot bot) {
    this.telegram = telegram;
    this.ark = ark;
    this.chats = new TelegramChats(telegram);
    this.advancer = advancer;
    this.bot = bot;
  }

  /**
   * Starts the fakes and the bot; {@code settings} may add environment (e.g. pipeline timeouts) and
   * script the fakes before the bot starts.
   */
  static ChaosRig start(Path work, Duration step, Settings settings) throws Exception {
    FakeTelegramBotApi telegram = new FakeTelegramBotApi();
    FakeArkServer ark = FakeArkServer.start();
    ScheduledExecutorService advancer = Executors.newSingleThreadScheduledExecutor();
    try {
      ark.serveVideo(SampleMedia.mp4(160, 96, 12, RESULT_SECONDS));
      ark.setProgression(Progression.MANUAL);
      advancer.scheduleWithFixedDelay(
          ark::advanceAll, step.toMillis(), step.toMillis(), TimeUnit.MILLISECONDS);
      PackagedBot.Builder builder =
          PackagedBot.builder(work)
              .telegram(telegram.baseUrl(), FakeTelegramBotApi.TOKEN)
              .ark(ark.baseUrl(), ark.apiKey())
              .env("BOT_POLL_INTERVAL", "200ms")
              .env("BOT_PIPELINE_LEASE_TIME", "5s")
              .env("SEEDANCE_MAX_CONCURRENT_TASKS", "16");
      PackagedBot bot = settings.apply(builder, telegram, ark).start();
      return new ChaosRig(telegram, ark, advancer, bot);
    } catch (Exception | AssertionError e) {
      advancer.shutdownNow();
      ark.close();
      telegram.close();
      throw e;
    }
  }

  /** The tasks Ark created whose prompt carries {@code tag}. */
  List<CreatedTask> tasksTagged(String tag) {
    return tasksTagged(ark, tag);
  }

  /** The tasks {@code ark} created whose prompt carries {@code tag}. */
  static List<CreatedTask> tasksTagged(FakeArkServer ark, String tag) {
    return ark.createdTasks().stream()
        .filter(t -> t.request().path("content").toString().contains(tag))
        .toList();
  }

  /** The bot's log lines (this run) naming {@code jobId}, for failure messages. */
  String jobLog(String jobId) {
    return bot.log()
        .lines()
        .filter(l -> l.contains(jobId))
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  @Override
  public void close() {
    bot.close();
    advancer.shutdownNow();
    ark.close();
    telegram.close();
  }

  /** Adds settings and scripts the fakes before the bot starts. */
  @FunctionalInterface
  interface Settings {
    PackagedBot.Builder apply(
        PackagedBot.Builder builder, FakeTelegramBotApi telegram, FakeArkServer ark);

    static Settings none() {
      return (b, t, a) -> b;
    }

    static Settings env(UnaryOperator<PackagedBot.Builder> env) {
      return (b, t, a) -> env.apply(b);
    }
  }
}
