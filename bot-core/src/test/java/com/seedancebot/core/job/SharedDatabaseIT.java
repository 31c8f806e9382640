package com.seedancebot.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.seedancebot.core.delivery.ChatDeliveryException;
import com.seedancebot.core.delivery.JobStatus;
import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.testing.RecordingChatPort;
import com.seedancebot.core.testing.ScriptedVideoProvider;
import com.seedancebot.core.testing.TestClock;
import com.seedancebot.core.testing.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two bot instances on one database (H2, and a real PostgreSQL) working the same jobs at the same
 * moment: together they never hold more tasks at a provider than its limit, each due task is polled
 * by one of them only, and a job's status is one message whose text none repeats or puts back to an
 * older state.
 */
class SharedDatabaseIT {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  @TempDir Path dir;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  private DataSource database(String kind) throws SQLException {
    if (kind.equals("h2")) {
      return TestDatabase.migratedH2(dir);
    }
    String name = "shared" + DATABASES.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    DataSource ds =
        new DriverManagerDataSource(postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    return ds;
  }

  private List<PipelineHarness> twoInstances(String kind) throws SQLException {
    DataSource db = database(kind);
    TestClock clock = TestClock.atDefaultStart();
    ScriptedVideoProvider ark = new ScriptedVideoProvider("ark", 3);
    return List.of(
        PipelineHarness.instance(dir.resolve("a"), db, clock, ark, "bot-a"),
        PipelineHarness.instance(dir.resolve("b"), db, clock, ark, "bot-b"));
  }

  /**
   * Runs each instance's {@code step} on its own thread, released together, {@code rounds} times.
   */
  private static void together(List<PipelineHarness> instances, int rounds, Step step)
      throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(instances.size());
    ExecutorService threads = Executors.newFixedThreadPool(instances.size());
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (PipelineHarness h : instances) {
        runs.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < rounds; i++) {
                    barrier.await();
                    step.run(h);
                  }
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private interface Step {
    void run(PipelineHarness h) throws Exception;
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void twoInstancesTogetherNeverHoldMoreTasksThanTheProvidersLimit(String kind) throws Exception {
    List<PipelineHarness> instances = twoInstances(kind);
    PipelineHarness a = instances.get(0);
    for (int i = 0; i < 8; i++) {
      a.accept("j" + i);
    }

    together(instances, 10, h -> h.pipeline.dispatcher().tick());

    assertThat(a.provider.taskIds()).hasSize(3);
    long submitted =
        a.jobs.findActive().stream().filter(j -> j.state() == JobState.SUBMITTED).count();
    assertThat(submitted).isEqualTo(3);
    assertThat(a.jobs.countAtProvider("ark", a.clock.instant())).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void eachDueTaskIsPolledByOneInstanceOnly(String kind) throws Exception {
    List<PipelineHarness> instances = twoInstances(kind);
    PipelineHarness a = instances.get(0);
    for (int i = 0; i < 3; i++) {
      a.accept("j" + i);
    }
    a.pipeline.dispatcher().tick();
    assertThat(a.provider.taskIds()).hasSize(3);

    for (int round = 0; round < 5; round++) {
      a.clock.advance(Duration.ofMinutes(2)); // every task due again
      a.provider.polls.clear();
      together(instances, 1, h -> h.pipeline.tracker().tick());

      List<String> polled = a.provider.polls.stream().flatMap(List::stream).toList();
      Set<String> distinct = new HashSet<>(polled);
      assertThat(polled).as("round %d", round).hasSize(3).hasSameSizeAs(distinct);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void successCallbacksSpreadOverInstancesAreConfirmedInOneRequestByTheFirstToLook(String kind)
      throws Exception {
    List<PipelineHarness> instances = twoInstances(kind);
    PipelineHarness a = instances.get(0);
    PipelineHarness b = instances.get(1);
    for (int i = 0; i < 3; i++) {
      a.accept("j" + i);
    }
    a.pipeline.dispatcher().tick();
    List<String> tasks = a.provider.taskIds();
    tasks.forEach(t -> a.provider.succeed(t, new byte[] {1, 2, 3}, 42L));
    a.provider.polls.clear();
    a.clock.advance(Duration.ofMillis(300)); // between two steps of the poll grid

    // a balancer hands the callbacks to both instances
    a.pipeline.tracker().onCallback(a.job("j0"), TaskState.SUCCEEDED);
    b.pipeline.tracker().onCallback(b.job("j1"), TaskState.SUCCEEDED);
    b.pipeline.tracker().onCallback(b.job("j2"), TaskState.SUCCEEDED);
    together(instances, 1, h -> h.pipeline.tracker().collectQueued());
    assertThat(a.provider.polls).as("confirmed before the grid's next step").isEmpty();

    a.clock.advance(Duration.ofMillis(700));
    a.pipeline.tracker().tick(); // the first to look after it; its pass collects them too
    b.pipeline.tracker().tick();

    assertThat(a.provider.polls).singleElement().satisfies(p -> assertThat(p).hasSize(3));
    for (int i = 0; i < 3; i++) {
      assertThat(a.job("j" + i).state()).isEqualTo(JobState.SUCCEEDED);
    }
    assertThat(a.provider.downloads).hasValue(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void dueDeliveriesLeaveOutTheChatsWhoseDeliveriesAreBusy(String kind) throws Exception {
    PipelineHarness a = twoInstances(kind).get(0);
    List<String> chats = List.of("c1", "c2", "c1");
    for (int i = 0; i < chats.size(); i++) {
      String id = "j" + i;
      a.accept(id, chats.get(i));
      a.jobs.markFinished(id, JobState.FAILED, "provider_failed", a.clock.instant());
    }
    a.clock.advance(Duration.ofSeconds(1));

    assertThat(a.jobs.findUndelivered(a.clock.instant(), null, 10, Set.of("PLAYGROUND:c1")))
        .extracting(j -> j.chat().chatId())
        .containsExactly("c2");
    assertThat(a.jobs.findUndelivered(a.clock.instant(), 10)).hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void instancesShowingTheSameJobSendOneStatusMessageAndNoTextTwice(String kind) throws Exception {
    List<PipelineHarness> instances = twoInstances(kind);
    PipelineHarness a = instances.get(0);
    PipelineHarness b = instances.get(1);
    a.accept("j1");

    together(instances, 5, h -> h.pipeline.status().show(h.job("j1"), 1));

    List<JobStatus> calls = statusCalls(a, b);
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).statusMessageId()).isNull();
    assertThat(a.job("j1").statusMessageId()).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void aStaleStatusFromAnotherInstanceNeverReplacesALaterOne(String kind) throws Exception {
    List<PipelineHarness> instances = twoInstances(kind);
    PipelineHarness a = instances.get(0);
    PipelineHarness b = instances.get(1);
    a.accept("j1");
    Job queued = a.job("j1");
    a.pipeline.status().show(queued, 1);
    a.pipeline.dispatcher().tick();
    Job submitted = a.job("j1");
    a.pipeline.status().show(submitted, null);

    b.pipeline.status().show(queued, 1);
    assertThat(b.chat.statusCalls).isEmpty();

    a.provider.succeed(submitted.providerTaskId(), new byte[] {1, 2, 3}, 42L);
    a.clock.advance(Duration.ofSeconds(5));
    a.pipeline.tracker().tick();
    a.pipeline.delivery().tick();
    Job delivered = a.job("j1");
    assertThat(delivered.finalStatusAt()).isNotNull();
    String finalText = a.chat.statusById.get(delivered.statusMessageId());

    b.pipeline.status().show(submitted, null);
    assertThat(b.chat.statusCalls).isEmpty();
    assertThat(a.chat.statusById.get(delivered.statusMessageId())).isEqualTo(finalText);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void anOutcomeClaimedByAnInstanceKilledBeforeShowingItIsShownByAnother(String kind)
      throws Exception {
    List<PipelineHarness> instances = twoInstances(kind);
    PipelineHarness a = instances.get(0);
    PipelineHarness b = instances.get(1);
    a.accept("j1");
    a.pipeline.dispatcher().tick();
    Job submitted = a.job("j1");
    a.pipeline.status().show(submitted, null);
    a.provider.fail(submitted.providerTaskId(), "OutputVideoSensitiveContentDetected");
    a.clock.advance(Duration.ofSeconds(5));
    a.pipeline.tracker().tick();

    // a claims the outcome's text, then dies before the edit reaches the chat
    a.chat.dieOnNextStatus();
    assertThatThrownBy(() -> a.pipeline.delivery().tick())
        .isInstanceOf(RecordingChatPort.InstanceKilled.class);
    assertThat(a.job("j1").finalStatusAt()).as("not recorded as shown").isNull();
    a.clock.advance(Duration.ofMinutes(10)); // a's delivery lease runs out
    b.pipeline.delivery().tick();

    Job delivered = b.job("j1");
    assertThat(b.chat.statusCalls).hasSize(1);
    assertThat(b.chat.statusCalls.get(0).state()).isEqualTo(JobState.FAILED);
    assertThat(b.chat.statusCalls.get(0).statusMessageId()).isEqualTo(submitted.statusMessageId());
    assertThat(delivered.finalStatusAt()).isNotNull();
    assertThat(delivered.deliveredAt()).isNotNull();
    assertThat(b.chat.statusById.get(submitted.statusMessageId())).contains("refused");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void aStatusMessageLeftUnsentByADeadInstanceIsSentByAnotherAfterTheClaimRunsOut(String kind)
      throws Exception {
    List<PipelineHarness> instances = twoInstances(kind);
    PipelineHarness a = instances.get(0);
    PipelineHarness b = instances.get(1);
    a.accept("j1");
    // instance a claimed sending the first status message, then died before it was sent
    assertThat(a.jobs.claimStatus("j1", 0, "dead", a.clock.instant(), a.clock.instant())).isTrue();

    b.pipeline.status().show(b.job("j1"), 1);
    assertThat(b.chat.statusCalls).isEmpty();

    a.clock.advance(Duration.ofSeconds(31));
    b.pipeline.status().show(b.job("j1"), 1);
    assertThat(b.chat.statusCalls).hasSize(1);
    assertThat(b.job("j1").statusMessageId()).isEqualTo("s1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void aStatusThatCouldNotBeShownIsShownByTheNextTry(String kind) throws Exception {
    PipelineHarness a = twoInstances(kind).get(0);
    a.accept("j1");
    a.chat.failNext(1);

    assertThatThrownBy(() -> a.pipeline.status().show(a.job("j1"), 1))
        .isInstanceOf(ChatDeliveryException.class);
    a.pipeline.status().show(a.job("j1"), 1);

    assertThat(a.chat.statusCalls).hasSize(1);
    assertThat(a.job("j1").statusMessageId()).isNotNull();
  }

  private static List<JobStatus> statusCalls(PipelineHarness... instances) {
    List<JobStatus> calls = new ArrayList<>();
    for (PipelineHarness h : instances) {
      calls.addAll(h.chat.statusCalls);
    }
    return calls;
  }
}
