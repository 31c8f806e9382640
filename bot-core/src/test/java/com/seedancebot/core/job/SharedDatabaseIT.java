package com.seedancebot.core.job;

import static org.assertj.core.api.Assertions.assertThat;

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
 * moment: together they never hold more tasks at a provider than its limit, and each due task is
 * polled by one of them only.
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
}
