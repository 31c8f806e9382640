package com.seedancebot.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** A tracker pass's updates written as one batch are guarded like single updates. */
class JdbcJobRepositoryBatchTest {

  @TempDir Path dir;

  @Test
  void aBatchMovesJobsAtTheProviderAndLeavesFinishedOnesAlone() {
    var jobs = new JdbcJobRepository(TestDatabase.migratedH2(dir), JsonMapper.builder().build());
    Instant now = Instant.parse("2026-11-30T00:00:00Z");
    for (String id : List.of("a", "b", "done")) {
      jobs.insert(job(id, now));
      jobs.markSubmitted(id, "ark", "t-" + id, null, now, now);
    }
    jobs.markFinished("done", JobState.FAILED, "provider_failed", now);

    jobs.updateAtProvider(
        List.of(
            new JobRepository.AtProvider("a", JobState.RUNNING, 0, now.plusSeconds(3)),
            new JobRepository.AtProvider("b", JobState.SUBMITTED, 2, now.plusSeconds(12)),
            new JobRepository.AtProvider("done", JobState.RUNNING, 0, now.plusSeconds(3))));

    assertThat(jobs.find("a").orElseThrow())
        .extracting(Job::state, Job::attempts, Job::nextPollAt)
        .containsExactly(JobState.RUNNING, 0, now.plusSeconds(3));
    assertThat(jobs.find("b").orElseThrow())
        .extracting(Job::state, Job::attempts, Job::nextPollAt)
        .containsExactly(JobState.SUBMITTED, 2, now.plusSeconds(12));
    assertThat(jobs.find("done").orElseThrow().state()).isEqualTo(JobState.FAILED);
  }

  private static Job job(String id, Instant now) {
    return TestJobs.accepted(id, "c1", now);
  }
}
