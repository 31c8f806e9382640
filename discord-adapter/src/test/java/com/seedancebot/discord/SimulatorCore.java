package com.seedancebot.discord;

import com.seedancebot.core.asset.LocalDiskAssetStore;
import com.seedancebot.core.asset.MediaInspection;
import com.seedancebot.core.asset.MediaInspector;
import com.seedancebot.core.asset.SignedUrls;
import com.seedancebot.core.bot.ChatSettingsStore;
import com.seedancebot.core.chat.BotInbox;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.delivery.ChatButton;
import com.seedancebot.core.delivery.ChatPort;
import com.seedancebot.core.delivery.ChatPorts;
import com.seedancebot.core.delivery.JobStatus;
import com.seedancebot.core.delivery.JobTexts;
import com.seedancebot.core.delivery.VideoDelivery;
import com.seedancebot.core.governance.Governance;
import com.seedancebot.core.governance.GovernanceRules;
import com.seedancebot.core.job.JdbcJobRepository;
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
import com.seedancebot.core.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The core as the application wires it (CoreConfiguration), minus Spring, in front of a Discord
 * chat port: H2 and the simulator provider, on real time (the simulator renders on its own
 * schedule). Remembers every video it delivers; {@link #runUntil} turns the pipeline by hand.
 */
final class SimulatorCore {

  final List<VideoDelivery> deliveries = new CopyOnWriteArrayList<>();
  private final Path dir;
  private Pipeline pipeline;

  SimulatorCore(Path dir) {
    this.dir = dir;
  }

  /** Builds the core over {@code discord}; pass as the harness's core. */
  BotInbox over(DiscordChatPort discord) {
    java.time.Clock clock = java.time.Clock.systemUTC();
    JsonMapper json = JsonMapper.builder().build();
    var db = TestDatabase.migratedH2(dir);
    var catalog = ModelCatalog.standard();
    var messages = new com.seedancebot.core.chat.Messages();
    var simulator =
        new SimulatorVideoProvider(
            dir.resolve("simulator"),
            new SimulatorSettings(Duration.ZERO, Duration.ofSeconds(1), 0, 3, 96, 4),
            clock,
            new Random(7),
            Runnable::run);
    var inspector = new MediaInspector();
    var assembly =
        BotAssembly.build(
            Pipeline.builder()
                .jobs(new JdbcJobRepository(db, json))
                .quota(new JdbcQuotaLedger(db, new QuotaPolicy(10, 100, 20, 200, 100, 1000)))
                .providers(new ProviderRouter(List.of(simulator)))
                .catalog(catalog)
                .storage(
                    new LocalDiskAssetStore(dir),
                    new SignedUrls(URI.create("http://localhost:8080"), new byte[32], clock))
                .chats(
                    new ChatPorts(List.of(new RecordingPort(discord, deliveries))),
                    new JobTexts(messages, catalog))
                .settings(JobSettings.defaults(Duration.ofMillis(200)))
                .clock(clock)
                .jitter(() -> 0.5)
                .videoInfo(file -> info(inspector, file))
                .direct(),
            new BotAssembly.Commands(
                messages,
                new ChatSettingsStore(db, json),
                inspector,
                50L << 20,
                new CostEstimator(),
                null,
                null,
                new Random(3)),
            new Governance(db, GovernanceRules.none()));
    pipeline = assembly.pipeline();
    return assembly.inbox();
  }

  /** Turns the pipeline until {@code done} holds (at most about ten seconds); returns whether. */
  boolean runUntil(BooleanSupplier done) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      pipeline.dispatcher().tick();
      pipeline.tracker().tick();
      pipeline.delivery().tick();
      if (done.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50); // the core runs on real time: give its poll interval a chance
    }
    return false;
  }

  private static MediaInfo info(MediaInspector inspector, Path file) {
    try {
      MediaInspection inspection = inspector.inspect(file);
      return inspection instanceof MediaInspection.Supported ok ? ok.info() : MediaInfo.unknown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Passes everything to the Discord port and remembers the deliveries. */
  private record RecordingPort(DiscordChatPort discord, List<VideoDelivery> deliveries)
      implements ChatPort {
    @Override
    public com.seedancebot.core.chat.Platform platform() {
      return discord.platform();
    }

    @Override
    public String sendText(ChatRef chat, String replyTo, String text) {
      return discord.sendText(chat, replyTo, text);
    }

    @Override
    public String sendText(ChatRef chat, String replyTo, String text, List<ChatButton> buttons) {
      return discord.sendText(chat, replyTo, text, buttons);
    }

    @Override
    public String showStatus(JobStatus status) {
      return discord.showStatus(status);
    }

    @Override
    public void deliverVideo(VideoDelivery video) {
      deliveries.add(video);
      discord.deliverVideo(video);
    }
  }
}
