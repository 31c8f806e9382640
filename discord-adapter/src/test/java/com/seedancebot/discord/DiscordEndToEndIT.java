package com.seedancebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.asset.LocalDiskAssetStore;
import com.seedancebot.core.asset.MediaInspection;
import com.seedancebot.core.asset.MediaInspector;
import com.seedancebot.core.asset.SignedUrls;
import com.seedancebot.core.bot.ChatSettingsStore;
import com.seedancebot.core.chat.BotInbox;
import com.seedancebot.core.delivery.ChatPort;
import com.seedancebot.core.delivery.ChatPorts;
import com.seedancebot.core.delivery.DeliveryService;
import com.seedancebot.core.delivery.JobStatus;
import com.seedancebot.core.delivery.JobTexts;
import com.seedancebot.core.delivery.VideoDelivery;
import com.seedancebot.core.governance.Governance;
import com.seedancebot.core.governance.GovernanceRules;
import com.seedancebot.core.job.JdbcJobRepository;
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
import com.seedancebot.discord.fake.FakeDiscord;
import com.seedancebot.discord.fake.FakeDiscord.SentInteraction;
import com.seedancebot.discord.fake.RecordedCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code /video} interaction through real JDA into the real core pipeline (H2, the simulator
 * provider), and the simulator's MP4 back out through the Discord chat port to the fake.
 */
class DiscordEndToEndIT {

  @TempDir Path dir;

  private final List<VideoDelivery> deliveries = new CopyOnWriteArrayList<>();
  private JobDispatcher dispatcher;
  private JobTracker tracker;
  private DeliveryService delivery;

  @Test
  void a_video_command_ends_with_the_simulators_mp4_in_the_channel() throws Exception {
    try (DiscordHarness h = new DiscordHarness(this::core)) {
      // when a user asks for a video in a thread
      SentInteraction sent =
          h.fake
              .slash("video")
              .by(FakeDiscord.OWNER)
              .in(FakeDiscord.THREAD_ID)
              .string("prompt", "a paper boat on a pond")
              .integer("duration", 4)
              .string("resolution", "480p")
              .send();

      // then the deferred reply becomes the job's status
      RecordedCall status =
          h.fake.awaitCall(
              "the status",
              c -> c.is("PATCH", "/api/v10/webhooks/") && c.path().contains("@original"));
      assertThat(status.content()).isNotBlank();
      assertThat(h.fake.ackDelay(sent.id())).isLessThan(Duration.ofSeconds(3));

      // and once the pipeline has run, the simulator's clip is posted in the thread
      RecordedCall upload = null;
      for (int i = 0; i < 200 && upload == null; i++) {
        dispatcher.tick();
        tracker.tick();
        delivery.tick();
        upload =
            h.fake.calls().stream()
                .filter(
                    c -> c.is("POST", "/api/v10/channels/" + FakeDiscord.THREAD_ID + "/messages"))
                .filter(c -> !c.files().isEmpty())
                .findFirst()
                .orElse(null);
        if (upload == null) {
          Thread.sleep(50); // the core runs on real time: give its poll interval a chance
        }
      }
      assertThat(upload).as("the video upload").isNotNull();
      assertThat(deliveries).hasSize(1);
      byte[] mp4 = Files.readAllBytes(deliveries.get(0).video());
      RecordedCall.UploadedFile file = upload.files().values().iterator().next();
      assertThat(file.bytes()).isEqualTo(mp4);
      assertThat(new String(mp4, 4, 4, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("ftyp");
      assertThat(upload.content()).startsWith("<@" + FakeDiscord.OWNER.id() + ">");
      assertThat(upload.json().toString()).contains("seedance:r:");
    }
  }

  /**
   * The core as the application wires it (CoreConfiguration), minus Spring. It runs on real time
   * (the simulator renders on its own schedule); the adapter's token clock is the harness's.
   */
  private BotInbox core(DiscordChatPort discord) {
    java.time.Clock clock = java.time.Clock.systemUTC();
    JsonMapper json = JsonMapper.builder().build();
    var db = TestDatabase.migratedH2(dir);
    var jobs = new JdbcJobRepository(db, json);
    var quota = new JdbcQuotaLedger(db, new QuotaPolicy(10, 100, 20, 200, 100, 1000));
    var assets = new LocalDiskAssetStore(dir);
    var catalog = ModelCatalog.standard();
    var messages = new com.seedancebot.core.chat.Messages();
    var signed = new SignedUrls(URI.create("http://localhost:8080"), new byte[32], clock);
    var texts = new JobTexts(messages, catalog);
    ChatPort recording = new RecordingPort(discord, deliveries);
    var ports = new ChatPorts(List.of(recording));
    var simulator =
        new SimulatorVideoProvider(
            dir.resolve("simulator"),
            new SimulatorSettings(Duration.ZERO, Duration.ofSeconds(1), 0, 3, 96, 4),
            clock,
            new Random(7),
            Runnable::run);
    var router = new ProviderRouter(List.of(simulator));
    var settings = JobSettings.defaults(Duration.ofMillis(200));
    var inspector = new MediaInspector();
    var assembly =
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
    dispatcher = assembly.pipeline().dispatcher();
    tracker = assembly.pipeline().tracker();
    delivery = assembly.pipeline().delivery();
    return assembly.inbox();
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
    public String sendText(com.seedancebot.core.chat.ChatRef chat, String replyTo, String text) {
      return discord.sendText(chat, replyTo, text);
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
