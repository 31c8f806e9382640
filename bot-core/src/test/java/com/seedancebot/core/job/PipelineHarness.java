package com.seedancebot.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.LocalDiskAssetStore;
import com.seedancebot.core.asset.SignedUrls;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.delivery.ChatPorts;
import com.seedancebot.core.delivery.JobTexts;
import com.seedancebot.core.pipeline.Pipeline;
import com.seedancebot.core.pipeline.PipelineSettings;
import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.quota.JdbcQuotaLedger;
import com.seedancebot.core.quota.QuotaDecision;
import com.seedancebot.core.quota.QuotaPolicy;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.testing.RecordingChatPort;
import com.seedancebot.core.testing.ScriptedVideoProvider;
import com.seedancebot.core.testing.TestClock;
import com.seedancebot.core.testing.TestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pipeline built {@linkplain Pipeline.Builder#direct() direct} over an H2 file database, two
 * scripted providers ({@code ark} and {@code ark-backup}, 3 slots each), a recording chat port and
 * a test clock; user {@code u1} in chat {@code c1} may make 10 jobs and 100 s of video a day.
 */
final class PipelineHarness {

  final TestClock clock;
  final ScriptedVideoProvider provider;
  final ScriptedVideoProvider backup;
  final RecordingChatPort chat = new RecordingChatPort(Platform.PLAYGROUND);
  final JdbcJobRepository jobs;
  final JdbcQuotaLedger quota;
  final AssetStore assets;
  final String instanceId;
  final Pipeline pipeline;
  final DataSource db;

  private final JobTelemetry telemetry;

  PipelineHarness(Path dir) {
    this(dir, JobTelemetry.NONE);
  }

  /** A harness whose pipeline reports to {@code telemetry}. */
  PipelineHarness(Path dir, JobTelemetry telemetry) {
    this(
        dir,
        TestDatabase.migratedH2(dir),
        TestClock.atDefaultStart(),
        new ScriptedVideoProvider("ark", 3),
        new ScriptedVideoProvider("ark-backup", 3),
        JobSettings.defaults(Duration.ofSeconds(1)).instanceId(),
        telemetry);
  }

  private PipelineHarness(
      Path dir,
      DataSource db,
      TestClock clock,
      ScriptedVideoProvider provider,
      ScriptedVideoProvider backup,
      String instanceId,
      JobTelemetry telemetry) {
    this.clock = clock;
    this.provider = provider;
    this.backup = backup;
    this.instanceId = instanceId;
    this.telemetry = telemetry;
    this.db = db;
    jobs = new JdbcJobRepository(db, JsonMapper.builder().build());
    quota = new JdbcQuotaLedger(db, new QuotaPolicy(10, 100, 0, 0, 0, 0));
    assets = new LocalDiskAssetStore(dir);
    pipeline = builder().direct().build();
  }

  /**
   * Another instance of the bot on the same database, providers and clock (as a second process
   * would be), with its own name in leases and its own chat port.
   */
  static PipelineHarness instance(
      Path dir, DataSource db, TestClock clock, ScriptedVideoProvider provider, String name) {
    return new PipelineHarness(
        dir,
        db,
        clock,
        provider,
        new ScriptedVideoProvider("ark-backup", 3),
        name,
        JobTelemetry.NONE);
  }

  /** The harness's pipeline as the app runs it: stages on their own threads and workers. */
  Pipeline pooled(PipelineSettings settings) {
    return builder().pipelineSettings(settings).build();
  }

  /** {@link #pooled} as a sole instance on an embedded database runs it. */
  Pipeline pooledSoleInstance(PipelineSettings settings) {
    return builder().pipelineSettings(settings).soleInstance(true).build();
  }

  /**
   * This harness's pipeline as a sole instance on an embedded database runs it: no status claims,
   * callbacks confirmed in memory.
   */
  Pipeline soleInstance() {
    return builder().soleInstance(true).direct().build();
  }

  private Pipeline.Builder builder() {
    var catalog = ModelCatalog.standard();
    return Pipeline.builder()
        .jobs(jobs)
        .quota(quota)
        .providers(new ProviderRouter(List.of(provider, backup)))
        .catalog(catalog)
        .storage(assets, new SignedUrls(URI.create("http://localhost:8080"), new byte[32], clock))
        .chats(new ChatPorts(List.of(chat)), new JobTexts(new Messages(), catalog))
        .settings(JobSettings.defaults(Duration.ofSeconds(1)).withInstanceId(instanceId))
        .clock(clock)
        .telemetry(telemetry)
        .jitter(() -> 0.5)
        .seeds(RandomGenerator.of("L64X128MixRandom"))
        .videoInfo(p -> new MediaInfo("video/mp4", 3, 640, 360, 4.0, 24.0));
  }

  Job job(String id) {
    return jobs.find(id).orElseThrow();
  }

  long secondsLeft() {
    return quota
        .remaining("PLAYGROUND:u1", "PLAYGROUND:c1", clock.instant())
        .user()
        .seconds()
        .left();
  }

  long jobsLeft() {
    return quota.remaining("PLAYGROUND:u1", "PLAYGROUND:c1", clock.instant()).user().jobs().left();
  }

  /** Reserves quota for and stores a 4 s 720p text-to-video job of user u1 in chat c1. */
  void accept(String id) {
    accept(id, "c1");
  }

  /** Like {@link #accept(String)}, asked in chat {@code chatId}. */
  void accept(String id, String chatId) {
    assertThat(quota.reserve(id, "PLAYGROUND:u1", "PLAYGROUND:" + chatId, 4, clock.instant()))
        .isInstanceOf(QuotaDecision.Granted.class);
    jobs.insert(TestJobs.accepted(id, chatId, clock.instant()));
  }

  /** Submits job {@code id}, lets its task succeed and collects the result. */
  String runToSuccess(String id) {
    return runToSuccess(id, "c1");
  }

  /** Like {@link #runToSuccess(String)}, asked in chat {@code chatId}. */
  String runToSuccess(String id, String chatId) {
    accept(id, chatId);
    pipeline.dispatcher().tick();
    String task = job(id).providerTaskId();
    provider.succeed(task, new byte[] {1, 2, 3}, 42L);
    clock.advance(Duration.ofSeconds(5));
    pipeline.tracker().tick();
    assertThat(job(id).state()).isEqualTo(JobState.SUCCEEDED);
    return task;
  }
}
