package com.seedancebot.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.delivery.DeliveryService;
import com.seedancebot.core.provider.ProviderException;
import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.quota.JdbcQuotaLedger;
import com.seedancebot.core.testing.RecordingChatPort;
import com.seedancebot.core.testing.ScriptedVideoProvider;
import com.seedancebot.core.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobPipelineTest {

  @TempDir Path dir;
  private TestClock clock;
  private ScriptedVideoProvider provider;
  private ScriptedVideoProvider backup;
  private RecordingChatPort chat;
  private JdbcQuotaLedger quota;
  private JdbcJobRepository jobs;
  private AssetStore assets;
  private JobDispatcher dispatcher;
  private JobTracker tracker;
  private DeliveryService delivery;
  private PipelineHarness harness;
  private final JobSettings settings = JobSettings.defaults(Duration.ofSeconds(1));

  @BeforeEach
  void wire() {
    harness = new PipelineHarness(dir);
    clock = harness.clock;
    provider = harness.provider;
    backup = harness.backup;
    chat = harness.chat;
    quota = harness.quota;
    jobs = harness.jobs;
    assets = harness.assets;
    dispatcher = harness.pipeline.dispatcher();
    tracker = harness.pipeline.tracker();
    delivery = harness.pipeline.delivery();
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
  void aJobWhoseChatAnotherInstanceServesIsLeftToThatInstance() {
    // given a chat this instance does not reach (a Discord guild on another instance's shard)
    chat.reachable = false;
    accept("j1");
    dispatcher.tick();
    provider.succeed(provider.taskIds().get(0), new byte[] {7}, 1L);
    clock.advance(Duration.ofSeconds(2));
    tracker.tick();

    // when this instance's delivery runs, nothing is shown or posted and the job stays due
    delivery.tick();
    delivery.tick();
    assertThat(chat.statusCalls).isEmpty();
    assertThat(chat.videos).isEmpty();
    assertThat(jobs.find("j1").orElseThrow().deliveredAt()).isNull();

    // then the instance that reaches the chat delivers it, once
    chat.reachable = true;
    delivery.tick();
    delivery.tick();
    assertThat(chat.videos).hasSize(1);
    assertThat(jobs.find("j1").orElseThrow().deliveredAt()).isNotNull();
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

  private long secondsLeft() {
    return harness.secondsLeft();
  }

  private long jobsLeft() {
    return harness.jobsLeft();
  }

  private void accept(String id) {
    harness.accept(id);
  }
}
