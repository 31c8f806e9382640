package com.seedancebot.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seedancebot.core.pipeline.Pipeline;
import com.seedancebot.core.pipeline.PipelineSettings;
import com.seedancebot.core.provider.TaskState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Callbacks: one announcing a final state is confirmed with a poll of that task and handled by the
 * collect stage at once, not behind the polling backlog (a sole instance), or at the poll grid's
 * next step (instances sharing the database); its body is never trusted; progress callbacks do not
 * make jobs due again.
 */
class CallbackTrackingTest {

  @TempDir Path dir;
  private PipelineHarness h;
  private Pipeline sole;
  private Pipeline running;

  @BeforeEach
  void wire() {
    h = new PipelineHarness(dir);
    sole = h.soleInstance();
  }

  @AfterEach
  void stop() {
    if (running != null) {
      running.stop();
    }
  }

  private String callbackToken(String jobId) {
    return JdbcClient.create(h.db)
        .sql("SELECT callback_token FROM job WHERE id = ?")
        .param(jobId)
        .query(String.class)
        .single();
  }

  private String submitted(String id) {
    h.accept(id);
    sole.dispatcher().tick();
    assertThat(h.job(id).state()).isEqualTo(JobState.SUBMITTED);
    return h.job(id).providerTaskId();
  }

  @Test
  void aSuccessCallbackIsConfirmedWithOnePollOfItsTaskAndCollectedBeforeItsNextPoll() {
    String task = submitted("j1");
    h.provider.succeed(task, new byte[] {1, 2, 3}, 42L);
    h.provider.polls.clear();

    // the job's next poll is a second away: only the callback can bring it forward
    sole.tracker().onCallback(h.job("j1"), TaskState.SUCCEEDED);
    sole.tracker().collectQueued();

    assertThat(h.job("j1").state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(h.provider.polls).containsExactly(List.of(task));
    sole.delivery().tick();
    assertThat(h.chat.videos).singleElement().satisfies(v -> assertThat(v.jobId()).isEqualTo("j1"));
    assertThat(h.secondsLeft()).isEqualTo(96);
  }

  @Test
  void aSuccessCallbackForATaskStillRunningChangesNothingButWhenItIsPolledNext() {
    String task = submitted("j1");
    h.provider.set(task, TaskState.RUNNING);

    sole.tracker().onCallback(h.job("j1"), TaskState.SUCCEEDED);
    sole.tracker().collectQueued();

    Job job = h.job("j1");
    assertThat(job.state()).isEqualTo(JobState.RUNNING);
    assertThat(job.result()).isNull();
    assertThat(h.provider.downloads).hasValue(0);
    assertThat(job.nextPollAt()).isAfter(h.clock.instant());

    // the lease taken for the check was given back: the next poll collects it normally
    h.provider.succeed(task, new byte[] {1, 2, 3}, 42L);
    h.clock.advance(Duration.ofSeconds(30));
    sole.tracker().tick();
    assertThat(h.job("j1").state()).isEqualTo(JobState.SUCCEEDED);
  }

  @Test
  void aFailureCallbackEndsTheJobWithARefundOnceConfirmed() {
    String task = submitted("j1");
    h.provider.fail(task, "InternalServiceError");

    sole.tracker().onCallback(h.job("j1"), TaskState.FAILED);
    sole.tracker().collectQueued();

    assertThat(h.job("j1").state()).isEqualTo(JobState.FAILED);
    assertThat(h.jobsLeft()).isEqualTo(10);
  }

  @Test
  void aCallbackAndAPollFindingTheSameSuccessCollectAndSettleItOnce() {
    String task = submitted("j1");
    h.provider.succeed(task, new byte[] {1, 2, 3}, 42L);

    sole.tracker().onCallback(h.job("j1"), TaskState.SUCCEEDED);
    h.clock.advance(Duration.ofSeconds(5));
    sole.tracker().tick(); // polls, finds it succeeded too, then collects the queue
    sole.tracker().onCallback(h.job("j1"), TaskState.SUCCEEDED); // a duplicate callback
    sole.tracker().collectQueued();
    sole.delivery().tick();

    assertThat(h.provider.downloads).hasValue(1);
    assertThat(h.chat.videos).hasSize(1);
    assertThat(h.secondsLeft()).isEqualTo(96);
    assertThat(h.jobsLeft()).isEqualTo(9);
  }

  @Test
  void aFirstRunningCallbackIsShownAtOnceWithoutAPollAndProgressCallbacksChangeNothing() {
    String task = submitted("j1");
    h.provider.set(task, TaskState.RUNNING);
    h.provider.polls.clear();
    Instant next = h.job("j1").nextPollAt();

    sole.tracker().onCallback(h.job("j1"), TaskState.RUNNING);
    sole.tracker().tick(); // the job's next poll is a second away

    assertThat(h.chat.statusCalls)
        .last()
        .satisfies(s -> assertThat(s.state()).isEqualTo(JobState.RUNNING));
    assertThat(h.provider.polls).isEmpty();
    assertThat(h.job("j1").nextPollAt()).isEqualTo(next);

    // recorded by its regular poll; later progress callbacks change nothing
    h.clock.advance(Duration.ofSeconds(2));
    sole.tracker().tick();
    assertThat(h.job("j1").state()).isEqualTo(JobState.RUNNING);
    h.provider.polls.clear();
    int shown = h.chat.statusCalls.size();
    sole.tracker().onCallback(h.job("j1"), TaskState.RUNNING);
    sole.tracker().tick();
    assertThat(h.provider.polls).isEmpty();
    assertThat(h.chat.statusCalls).hasSize(shown);
  }

  @Test
  void aCallbackWithoutAReadableStateHasTheJobPolledOnTheNextPass() {
    String task = submitted("j1");
    h.provider.set(task, TaskState.RUNNING);
    h.provider.polls.clear();

    sole.tracker().onCallback(h.job("j1"), null);
    sole.tracker().tick();

    assertThat(h.provider.polls).containsExactly(List.of(task));
    assertThat(h.job("j1").state()).isEqualTo(JobState.RUNNING);
  }

  @Test
  void runningAsTheAppDoesASuccessCallbackReachesTheChatWithinATickWithoutAnyPoll() {
    String task = submitted("j1");
    h.provider.succeed(task, new byte[] {1, 2, 3}, 42L);
    h.provider.polls.clear();
    // a 30 s tick on a clock that stands still: without the callback nothing would happen
    running =
        h.pooledSoleInstance(PipelineSettings.defaults().withTickInterval(Duration.ofSeconds(30)));
    running.start();

    running.tracker().onCallback(h.job("j1"), TaskState.SUCCEEDED);

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(h.chat.videos).hasSize(1));
    assertThat(h.provider.polls).containsExactly(List.of(task));
  }

  @Test
  void sharingTheDatabaseASuccessCallbackMakesItsJobDueAtTheGridsNextStepForWhoeverLooksFirst() {
    String task = submitted("j1");
    h.provider.succeed(task, new byte[] {1, 2, 3}, 42L);
    h.provider.polls.clear();
    h.clock.advance(Duration.ofMillis(300));
    Instant nextWholeSecond = h.clock.instant().plusMillis(700);

    h.pipeline.tracker().onCallback(h.job("j1"), TaskState.SUCCEEDED);
    h.pipeline.tracker().tick();

    assertThat(h.provider.polls).isEmpty();
    assertThat(h.job("j1").nextPollAt()).isEqualTo(nextWholeSecond);
    h.clock.advance(Duration.ofMillis(700));
    h.pipeline.tracker().tick();
    assertThat(h.provider.polls).containsExactly(List.of(task));
    assertThat(h.job("j1").state()).isEqualTo(JobState.SUCCEEDED);
  }

  @Test
  void sharingTheDatabaseAFinalCallbackNeverPutsAJobDueSoonerBack() {
    String task = submitted("j1");
    h.provider.fail(task, "InternalServiceError");
    h.clock.advance(Duration.ofMillis(300));
    JdbcClient.create(h.db).sql("UPDATE job SET next_poll_at = 0 WHERE id = 'j1'").update();

    h.pipeline.tracker().onCallback(h.job("j1"), TaskState.FAILED);

    assertThat(h.job("j1").nextPollAt()).isEqualTo(Instant.EPOCH);
    h.pipeline.tracker().tick();
    assertThat(h.job("j1").state()).isEqualTo(JobState.FAILED);
    assertThat(h.jobsLeft()).isEqualTo(10);
  }

  @Test
  void aProgressCallbackIsAnsweredAtOnceAndReadLaterWhileAFinalOneIsReadAtOnce() {
    String task = submitted("j1");
    h.provider.set(task, TaskState.RUNNING);
    String token = callbackToken("j1");
    List<Runnable> later = new ArrayList<>();
    CallbackIntake callbacks = new CallbackIntake(h.jobs, sole.tracker(), later::add);
    int shown = h.chat.statusCalls.size();

    assertThat(callbacks.accept(token, TaskState.RUNNING)).isTrue();
    assertThat(callbacks.accept("no-such-token", TaskState.RUNNING)).isTrue();
    assertThat(h.chat.statusCalls).hasSize(shown);
    later.forEach(Runnable::run);
    assertThat(h.chat.statusCalls)
        .hasSize(shown + 1)
        .last()
        .satisfies(s -> assertThat(s.state()).isEqualTo(JobState.RUNNING));

    // a final state is never left for later: an unknown token is refused at once
    assertThat(callbacks.accept("no-such-token", TaskState.SUCCEEDED)).isFalse();
    h.provider.succeed(task, new byte[] {1, 2, 3}, 42L);
    later.clear();
    assertThat(callbacks.accept(token, TaskState.SUCCEEDED)).isTrue();
    sole.tracker().collectQueued();
    assertThat(later).isEmpty();
    assertThat(h.job("j1").state()).isEqualTo(JobState.SUCCEEDED);
  }

  @Test
  void progressCallbacksBeyondTheQueueAreDroppedAndTheNextPollRecordsTheState() {
    String task = submitted("j1");
    h.provider.set(task, TaskState.RUNNING);
    String token = callbackToken("j1");
    CallbackIntake callbacks =
        new CallbackIntake(
            h.jobs,
            sole.tracker(),
            r -> {
              throw new RejectedExecutionException("full");
            });

    assertThat(callbacks.accept(token, TaskState.RUNNING)).isTrue();
    h.clock.advance(Duration.ofSeconds(2));
    sole.tracker().tick();

    assertThat(h.job("j1").state()).isEqualTo(JobState.RUNNING);
  }

  @Test
  void aCallbackTokenIsLookedUpOnceAndItsJobRememberedForTheTasksLaterCallbacks() {
    String task = submitted("j1");
    JdbcClient sql = JdbcClient.create(h.db);
    String token =
        sql.sql("SELECT callback_token FROM job WHERE id = 'j1'").query(String.class).single();
    CallbackIntake callbacks = sole.callbacks();

    assertThat(callbacks.accept("no-such-token", TaskState.SUCCEEDED)).isFalse();
    assertThat(callbacks.accept(token, TaskState.RUNNING)).isTrue();
    // were the token looked up again, this callback would find no job
    sql.sql("UPDATE job SET callback_token = 'changed' WHERE id = 'j1'").update();
    h.provider.succeed(task, new byte[] {1, 2, 3}, 42L);

    assertThat(callbacks.accept(token, TaskState.SUCCEEDED)).isTrue();
    sole.tracker().collectQueued();

    assertThat(h.job("j1").state()).isEqualTo(JobState.SUCCEEDED);
  }
}
