package com.seedancebot.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.pipeline.Pipeline;
import com.seedancebot.core.provider.TaskState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A sole instance on an embedded database keeps the polls that change nothing in memory ({@link
 * PollSchedule}): what it writes, and that no job is polled late or from a stale copy.
 */
class SoleInstancePollingTest {

  @TempDir Path dir;
  private PipelineHarness h;
  private Pipeline sole;

  @BeforeEach
  void wire() {
    h = new PipelineHarness(dir);
    sole = h.soleInstance();
  }

  /** The job's row as stored: state, unchanged polls and next poll (epoch millis). */
  private record Stored(String state, int attempts, long nextPoll) {}

  private Stored stored(String id) {
    return JdbcClient.create(h.db)
        .sql("SELECT state, attempts, next_poll_at FROM job WHERE id = ?")
        .param(id)
        .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getLong(3)))
        .single();
  }

  /** A running task at the provider whose first poll (which saw it start) is done. */
  private String running(String id) {
    return running(h, sole, id);
  }

  private static String running(PipelineHarness h, Pipeline pipeline, String id) {
    h.accept(id);
    pipeline.dispatcher().tick();
    String task = h.job(id).providerTaskId();
    h.provider.set(task, TaskState.RUNNING);
    h.clock.advance(Duration.ofSeconds(1));
    pipeline.tracker().tick();
    assertThat(h.job(id).state()).isEqualTo(JobState.RUNNING);
    h.provider.polls.clear();
    return task;
  }

  private List<Integer> tickEverySecond(int seconds) {
    return tickEverySecond(h, sole, seconds);
  }

  /** Ticks the tracker once a second for {@code seconds}; returns the seconds it polled at. */
  private static List<Integer> tickEverySecond(PipelineHarness h, Pipeline pipeline, int seconds) {
    List<Integer> polledAt = new ArrayList<>();
    for (int s = 1; s <= seconds; s++) {
      h.clock.advance(Duration.ofSeconds(1));
      int before = h.provider.polls.size();
      pipeline.tracker().tick();
      if (h.provider.polls.size() > before) {
        polledAt.add(s);
      }
    }
    return polledAt;
  }

  @Test
  void unchangedPollsBackOffInMemoryAsInTheDatabaseAndWriteNothing(@TempDir Path shared) {
    running("j1");
    Stored afterStart = stored("j1");
    // the state change was written, its next poll pushed past the memory's own (the horizon)
    assertThat(afterStart.state()).isEqualTo("RUNNING");
    assertThat(Instant.ofEpochMilli(afterStart.nextPoll()))
        .isAfter(h.clock.instant().plus(Duration.ofMinutes(5)));
    PipelineHarness writing = new PipelineHarness(shared); // its pipeline claims in the database
    running(writing, writing.pipeline, "j1");

    List<Integer> polledAt = tickEverySecond(60);

    assertThat(polledAt)
        .hasSizeGreaterThan(4)
        .isEqualTo(tickEverySecond(writing, writing.pipeline, 60));
    assertThat(polledAt.get(1) - polledAt.get(0)).isLessThan(polledAt.get(3) - polledAt.get(2));
    assertThat(stored("j1")).isEqualTo(afterStart);
  }

  @Test
  void aRestartedSoleInstancePollsItsJobsAtOnce() {
    String task = running("j1");

    Pipeline restarted = h.soleInstance(); // the memory is gone with the old process
    String log;
    try (LogCapture capture = LogCapture.start()) {
      restarted.tracker().tick();
      log = capture.text();
    }

    assertThat(h.provider.polls).containsExactly(List.of(task));
    assertThat(log).contains("1 jobs at their provider were polled in memory before a restart");
  }

  @Test
  void aJobThatEndedMeanwhileIsNeverPolledFromMemory() {
    running("j1");
    assertThat(h.pipeline.outcomes().finish(h.job("j1"), JobState.CANCELLED, "cancelled")).isTrue();

    assertThat(tickEverySecond(30)).isEmpty();
  }

  @Test
  void aJobTheDatabaseMakesDueIsPolledOnTheNextPassAndBacksOffInMemoryAgain() {
    String task = running("j1");
    // as a callback does whose body says nothing readable while the memory queue is full
    Job job = h.job("j1");
    assertThat(h.jobs.updateAtProvider("j1", job.state(), job.attempts(), Instant.EPOCH)).isTrue();

    sole.tracker().tick();

    assertThat(h.provider.polls).containsExactly(List.of(task));
    assertThat(Instant.ofEpochMilli(stored("j1").nextPoll()))
        .isAfter(h.clock.instant().plus(Duration.ofMinutes(5)));
  }

  @Test
  void aSucceededTaskFoundFromMemoryIsCollectedOnceAndPolledNoMore() {
    String task = running("j1");
    tickEverySecond(3);
    h.provider.succeed(task, new byte[] {1, 2, 3}, 7L);

    tickEverySecond(20);

    assertThat(h.job("j1").state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(h.provider.downloads.get()).isEqualTo(1);
    int polls = h.provider.polls.size();
    tickEverySecond(120);
    assertThat(h.provider.polls).hasSize(polls);
  }
}
