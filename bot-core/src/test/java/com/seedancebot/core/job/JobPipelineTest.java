package com.seedancebot.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.MediaUrlResolver;
import com.seedancebot.core.asset.SignedUrls;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.delivery.ChatPorts;
import com.seedancebot.core.delivery.DeliveryService;
import com.seedancebot.core.delivery.JobTexts;
import com.seedancebot.core.delivery.StatusReporter;
import com.seedancebot.core.provider.ProviderException;
import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.quota.JdbcQuotaLedger;
import com.seedancebot.core.quota.QuotaDecision;
import com.seedancebot.core.quota.QuotaPolicy;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.testing.RecordingChatPort;
import com.seedancebot.core.testing.ScriptedVideoProvider;
import com.seedancebot.core.testing.TestClock;
import com.seedancebot.core.testing.TestDatabase;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class JobPipelineTest {

  @TempDir Path dir;
  private final TestClock clock = TestClock.atDefaultStart();
  private final ScriptedVideoProvider provider = new ScriptedVideoProvider("ark", 3);
  private final ScriptedVideoProvider backup = new ScriptedVideoProvider("ark-backup", 3);
  private final RecordingChatPort chat = new RecordingChatPort(Platform.PLAYGROUND);
  private JdbcQuotaLedger quota;
  private final JobSettings settings = JobSettings.defaults(Duration.ofSeconds(1));
  private JdbcJobRepository jobs;
  private AssetStore assets;
  private JobDispatcher dispatcher;
  private JobTracker tracker;
  private DeliveryService delivery;

  @BeforeEach
  void wire() {
    var db = TestDatabase.migratedH2(dir);
    jobs = new JdbcJobRepository(db, JsonMapper.builder().build());
    quota = new JdbcQuotaLedger(db, new QuotaPolicy(10, 100, 0, 0, 0, 0));
    assets = new AssetStore(dir);
    var catalog = ModelCatalog.standard();
    var signed = new SignedUrls(URI.create("http://localhost:8080"), new byte[32], clock);
    var texts = new JobTexts(new Messages(), catalog);
    var ports = new ChatPorts(List.of(chat));
    var status = new StatusReporter(jobs, ports, texts, clock);
    var outcomes = new JobOutcomes(jobs, quota, clock);
    var router = new ProviderRouter(List.of(provider, backup));
    var collector =
        new ResultCollector(assets, p -> new MediaInfo("video/mp4", 3, 640, 360, 4.0, 24.0));
    dispatcher =
        new JobDispatcher(
            jobs,
            router,
            catalog,
            new MediaUrlResolver(assets, signed, Duration.ofHours(1)),
            outcomes,
            status,
            settings,
            clock,
            () -> 0.5,
            j -> null);
    tracker = new JobTracker(jobs, router, collector, outcomes, status, settings, clock, () -> 0.5);
    delivery =
        new DeliveryService(
            jobs, ports, status, texts, outcomes, assets, signed, settings, clock, () -> 0.5);
  }

  @Test
  void neverMoreTasksAtTheProviderThanItsLimitAndTheRestSeeTheirPosition() {
    for (int i = 1; i <= 5; i++) {
      accept("j" + i);
      clock.advance(Duration.ofMillis(10));
    }

    dispatcher.tick();

    assertThat(provider.submissions).hasSize(3);
    assertThat(jobs.find("j4").orElseThrow().state()).isEqualTo(JobState.QUEUED);
    assertThat(chat.statusById.values())
        .anySatisfy(t -> assertThat(t).startsWith("⏳ Job j4 is queued — position 1 in line."))
        .anySatisfy(t -> assertThat(t).startsWith("⏳ Job j5 is queued — position 2 in line."));
  }

  @Test
  void aSucceededTaskIsStoredSettledAndDeliveredExactlyOnce() throws Exception {
    accept("j1");
    dispatcher.tick();
    String task = provider.taskIds().get(0);
    provider.set(task, TaskState.RUNNING);
    clock.advance(Duration.ofSeconds(2));
    tracker.tick();
    assertThat(jobs.find("j1").orElseThrow().state()).isEqualTo(JobState.RUNNING);

    provider.succeed(task, new byte[] {1, 2, 3}, 42L);
    clock.advance(Duration.ofSeconds(5));
    tracker.tick();
    delivery.tick();
    delivery.tick();

    Job done = jobs.find("j1").orElseThrow();
    assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.deliveredAt()).isNotNull();
    assertThat(chat.videos).hasSize(1);
    assertThat(Files.readAllBytes(chat.videos.get(0).video())).containsExactly(1, 2, 3);
    assertThat(chat.videos.get(0).caption()).contains("seed 42").contains("job j1");
    assertThat(secondsLeft()).isEqualTo(100 - 4);
    assertThat(chat.statusById.values())
        .anySatisfy(t -> assertThat(t).startsWith("✅ Job j1 is done."));
  }

  @Test
  void aContentRefusalEndsTheJobWithAPlainExplanationAndARefund() {
    accept("j1");
    dispatcher.tick();
    provider.fail(provider.taskIds().get(0), "OutputVideoSensitiveContentDetected.PolicyViolation");
    clock.advance(Duration.ofSeconds(2));

    tracker.tick();
    delivery.tick();

    assertThat(jobs.find("j1").orElseThrow().state()).isEqualTo(JobState.FAILED);
    assertThat(secondsLeft()).isEqualTo(100);
    assertThat(jobsLeft()).isEqualTo(10);
    assertThat(chat.statusById.values())
        .anySatisfy(t -> assertThat(t).contains("safety filter refused"));
    assertThat(chat.videos).isEmpty();
  }

  @Test
  void aTransientSubmitFailureKeepsTheJobQueuedAndHonoursRetryAfter() {
    provider.failNextSubmit(ProviderException.transientFailure("429", Duration.ofSeconds(30)));
    accept("j1");

    dispatcher.tick();
    clock.advance(Duration.ofSeconds(10));
    dispatcher.tick();
    assertThat(provider.submissions).isEmpty();
    assertThat(jobs.find("j1").orElseThrow().state()).isEqualTo(JobState.QUEUED);

    clock.advance(Duration.ofSeconds(25));
    dispatcher.tick();
    assertThat(provider.submissions).hasSize(1);
  }

  @Test
  void jobsFailOverToAnotherProviderOfTheFamilyWhenOneKeepsFailing() {
    for (int i = 0; i < ProviderRouter.FAILURES_TO_AVOID; i++) {
      provider.failNextSubmit(ProviderException.transientFailure("503", null));
    }
    accept("j1");

    for (int i = 0; i < 10 && backup.submissions.isEmpty(); i++) {
      dispatcher.tick();
      clock.advance(Duration.ofMinutes(1));
    }

    assertThat(provider.submissions).isEmpty();
    assertThat(backup.submissions).hasSize(1);
    assertThat(jobs.find("j1").orElseThrow().providerName()).isEqualTo("ark-backup");
  }

  @Test
  void aJobLeasedByAnotherInstanceIsLeftToItUntilTheLeaseExpires() {
    accept("j1");
    assertThat(
            jobs.tryLease(
                "j1",
                "other-instance",
                clock.instant(),
                clock.instant().plus(settings.leaseTime())))
        .isTrue();

    dispatcher.tick();
    assertThat(provider.submissions).isEmpty();
    assertThat(
            jobs.tryLease("j1", "third-instance", clock.instant(), clock.instant().plusSeconds(60)))
        .isFalse();

    clock.advance(settings.leaseTime().plusSeconds(1));
    dispatcher.tick();
    assertThat(provider.submissions).hasSize(1);
  }

  @Test
  void aRunningStatusIsEditedOnStateChangesAndOnlyEveryFewSecondsForTheClock() {
    accept("j1");
    dispatcher.tick();
    provider.set(provider.taskIds().get(0), TaskState.RUNNING);
    for (int i = 0; i < 8; i++) {
      clock.advance(Duration.ofSeconds(1));
      tracker.tick();
      clock.advance(Duration.ofSeconds(1));
      tracker.tick();
    }

    long runningEdits =
        chat.statusCalls.stream().filter(s -> s.state() == JobState.RUNNING).count();
    assertThat(runningEdits).isBetween(1L, 2L);
  }

  @Test
  void aFailedDeliveryIsRetriedAndNotDuplicated() {
    accept("j1");
    dispatcher.tick();
    provider.succeed(provider.taskIds().get(0), new byte[] {9}, 1L);
    clock.advance(Duration.ofSeconds(2));
    tracker.tick();

    chat.failNext(1);
    delivery.tick();
    assertThat(chat.videos).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    delivery.tick();
    delivery.tick();

    assertThat(chat.videos).hasSize(1);
  }

  @Test
  void pollingAskedForEveryDueTaskInOneRequest() {
    accept("j1");
    accept("j2");
    accept("j3");
    dispatcher.tick();
    clock.advance(Duration.ofSeconds(2));

    tracker.tick();

    assertThat(provider.polls).hasSize(1);
    assertThat(provider.polls.get(0)).hasSize(3);
  }

  private int secondsLeft() {
    return quota
        .remaining("PLAYGROUND:u1", "PLAYGROUND:c1", clock.instant())
        .user()
        .seconds()
        .left();
  }

  private int jobsLeft() {
    return quota.remaining("PLAYGROUND:u1", "PLAYGROUND:c1", clock.instant()).user().jobs().left();
  }

  private void accept(String id) {
    assertThat(quota.reserve(id, "PLAYGROUND:u1", "PLAYGROUND:c1", 4, clock.instant()))
        .isInstanceOf(QuotaDecision.Granted.class);
    var request =
        new GenerationRequest(
            "doubao-seedance-2-0-260128",
            "a red fox running in snow",
            4,
            "16:9",
            "720p",
            true,
            null,
            false,
            false,
            false,
            List.of());
    var owner = new UserRef(Platform.PLAYGROUND, "u1", "Ann", Locale.ENGLISH, false);
    jobs.insert(
        Job.accepted(
            id,
            owner,
            ChatRef.of(Platform.PLAYGROUND, "c1"),
            "m1",
            request,
            87300,
            clock.instant()));
  }
}
