package com.seedancebot.telegram;

import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.LocalDiskAssetStore;
import com.seedancebot.core.asset.MediaInspection;
import com.seedancebot.core.asset.MediaInspector;
import com.seedancebot.core.asset.SignedUrls;
import com.seedancebot.core.bot.ChatSettingsStore;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.delivery.ChatPorts;
import com.seedancebot.core.delivery.JobTexts;
import com.seedancebot.core.governance.Governance;
import com.seedancebot.core.governance.GovernanceRules;
import com.seedancebot.core.job.JdbcJobRepository;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobSettings;
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
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real bot core behind a test bot's chat port: the parser, quotas and jobs on a real database,
 * and the embedded simulator as provider. Its pipeline is built direct: a test drives the stages it
 * needs, so a job stays where the command left it unless the test moves it on.
 */
final class CoreBehindTelegram implements AutoCloseable {
  final JdbcJobRepository jobs;
  final AssetStore assets;
  final BotAssembly assembly;
  private final ExecutorService render = Executors.newSingleThreadExecutor();

  CoreBehindTelegram(TelegramTestBot bot, DataSource db, Path dir) {
    Clock clock = Clock.systemUTC();
    JsonMapper json = JsonMapper.builder().build();
    Messages messages = new Messages();
    ModelCatalog catalog = ModelCatalog.standard();
    assets = new LocalDiskAssetStore(dir.resolve("assets"));
    SignedUrls signed = new SignedUrls(URI.create("http://localhost:8080"), new byte[32], clock);
    jobs = new JdbcJobRepository(db, json);
    SimulatorVideoProvider simulator =
        new SimulatorVideoProvider(
            dir.resolve("simulator"),
            SimulatorSettings.defaults().withLatencies(Duration.ZERO, Duration.ZERO),
            clock,
            RandomGenerator.getDefault(),
            render);
    MediaInspector inspector = new MediaInspector();
    assembly =
        BotAssembly.build(
            Pipeline.builder()
                .jobs(jobs)
                .quota(new JdbcQuotaLedger(db, new QuotaPolicy(10, 300, 0, 0, 0, 0)))
                .providers(new ProviderRouter(List.of(simulator)))
                .catalog(catalog)
                .storage(assets, signed)
                .chats(new ChatPorts(List.of(bot.chatPort())), new JobTexts(messages, catalog))
                .settings(JobSettings.defaults(Duration.ofMillis(200)))
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
  }

  /** The user's jobs, newest first. */
  List<Job> jobsOf(long userId) {
    return jobs.findRecentByOwner(
        new UserRef(Platform.TELEGRAM, Long.toString(userId), null, null, false), 100);
  }

  @Override
  public void close() {
    render.shutdownNow();
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
