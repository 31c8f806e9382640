package com.seedancebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.MediaInspection;
import com.seedancebot.core.asset.MediaInspector;
import com.seedancebot.core.asset.SignedUrls;
import com.seedancebot.core.bot.ChatSettingsStore;
import com.seedancebot.core.chat.BotInbox;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.delivery.ChatPorts;
import com.seedancebot.core.delivery.DeliveryService;
import com.seedancebot.core.delivery.JobTexts;
import com.seedancebot.core.governance.Governance;
import com.seedancebot.core.governance.GovernanceRules;
import com.seedancebot.core.job.JdbcJobRepository;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobDispatcher;
import com.seedancebot.core.job.JobSettings;
import com.seedancebot.core.job.JobTracker;
import com.seedancebot.core.pipeline.BotAssembly;
import com.seedancebot.core.pipeline.Pipeline;
import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.provider.simulator.SimulatorSettings;
import com.seedancebot.core.provider.simulator.SimulatorVideoProvider;
import com.seedancebot.core.quota.JdbcQuotaLedger;
import com.seedancebot.core.quota.QuotaPolicy;
import com.seedancebot.core.request.CostEstimator;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.testing.TestDatabase;
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import com.seedancebot.telegram.fake.RecordedCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole bot behind Telegram: a {@code /video} update from the fake Bot API server goes through
 * the real core pipeline (parser, quota, jobs, the embedded simulator) and comes back as a {@code
 * sendVideo} carrying the simulator's MP4, in the right chat and topic, replying to the request.
 */
class TelegramEndToEndIT {
  private static final long GROUP = -1001234567890L;
  private static final long USER = 4242L;

  @TempDir Path dir;
  private final Clock clock = Clock.systemUTC();
  private final ExecutorService render = Executors.newSingleThreadExecutor();
  private TelegramTestBot bot;
  private AssetStore assets;
  private JdbcJobRepository jobs;
  private JobDispatcher dispatcher;
  private JobTracker tracker;
  private DeliveryService delivery;

  @BeforeEach
  void wire() throws IOException {
    bot = TelegramTestBot.polling();
    DataSource db = TestDatabase.migratedH2(dir);
    JsonMapper json = JsonMapper.builder().build();
    Messages messages = new Messages();
    ModelCatalog catalog = ModelCatalog.standard();
    assets = new AssetStore(dir.resolve("assets"));
    SignedUrls signed = new SignedUrls(URI.create("http://localhost:8080"), new byte[32], clock);
    JobSettings settings = JobSettings.defaults(Duration.ofMillis(200));
    jobs = new JdbcJobRepository(db, json);
    JdbcQuotaLedger quota = new JdbcQuotaLedger(db, new QuotaPolicy(10, 300, 0, 0, 0, 0));
    ChatPorts ports = new ChatPorts(List.of(bot.chatPort()));
    JobTexts texts = new JobTexts(messages, catalog);
    SimulatorVideoProvider simulator =
        new SimulatorVideoProvider(
            dir.resolve("simulator"),
            SimulatorSettings.defaults().withLatencies(Duration.ZERO, Duration.ZERO),
            clock,
            RandomGenerator.getDefault(),
            render);
    ProviderRouter router = new ProviderRouter(List.of(simulator));
    MediaInspector inspector = new MediaInspector();
    BotAssembly assembly =
        BotAssembly.build(
            Pipeline.builder()
                .jobs(jobs)
                .quota(quota)
                .providers(router)
                .catalog(catalog)
                .storage(assets, signed)
                .chats(ports, texts)
                .settings(settings)
                .clock(clock)
                .jitter(() -> 0.5)
                .videoInfo(file -> videoInfo(inspector, file))
                .direct(),
            new BotAssembly.Commands(
                messages,
                new ChatSettingsStore(db, json),
                inspector,
                50L * 1024 * 1024,
                new CostEstimator(),
                null,
                FakeTelegramBotApi.BOT_USERNAME,
                RandomGenerator.getDefault()),
            new Governance(db, GovernanceRules.none()));
    dispatcher = assembly.pipeline().dispatcher();
    tracker = assembly.pipeline().tracker();
    delivery = assembly.pipeline().delivery();
    BotInbox inbox = assembly.inbox();
    bot.adapter.connect(inbox);
  }

  @AfterEach
  void stop() throws IOException {
    bot.assertTokenNeverLeaked();
    bot.close();
    render.shutdownNow();
  }

  @Test
  void videoCommandInATopicComesBackAsTheSimulatorsMp4InThatTopic() throws Exception {
    var request =
        bot.fake
            .updates()
            .message(GROUP, USER, "en")
            .topic(77)
            .text("/video@SeedanceTestBot a red fox --duration 4");
    bot.fake.enqueue(request.update());

    RecordedCall video = runPipelineUntilVideo();

    Job job = jobs.findRecentByOwner(owner(), 1).get(0);
    byte[] produced = Files.readAllBytes(assets.path(job.result().videoAssetId()));
    assertThat(video.files().get("video")).isEqualTo(produced);
    assertThat(produced).hasSizeGreaterThan(1000);
    assertThat(video.field("chat_id")).isEqualTo(Long.toString(GROUP));
    assertThat(video.field("message_thread_id")).isEqualTo("77");
    assertThat(video.json("reply_parameters").get("message_id").asInt())
        .isEqualTo(request.messageId());
    assertThat(video.field("caption")).contains(job.id());
    assertThat(video.json("reply_markup").toString()).contains("r:" + job.id());
    RecordedCall status = bot.fake.calls("sendMessage").get(0);
    assertThat(status.field("message_thread_id")).isEqualTo("77");
  }

  private RecordedCall runPipelineUntilVideo() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      dispatcher.tick();
      tracker.tick();
      delivery.tick();
      List<RecordedCall> videos = bot.fake.calls("sendVideo");
      if (!videos.isEmpty()) {
        return videos.get(0);
      }
      Thread.sleep(100); // the pipeline's own cadence (it polls a real-time simulator)
    }
    throw new AssertionError("no video was delivered; calls: " + bot.fake.calls());
  }

  private static com.seedancebot.core.chat.UserRef owner() {
    return new com.seedancebot.core.chat.UserRef(
        com.seedancebot.core.chat.Platform.TELEGRAM, Long.toString(USER), null, null, false);
  }

  private static MediaInfo videoInfo(MediaInspector inspector, Path file) {
    try {
      MediaInspection inspection = inspector.inspect(file);
      return inspection instanceof MediaInspection.Supported ok ? ok.info() : MediaInfo.unknown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
