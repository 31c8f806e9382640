package com.seedancebot.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.delivery.JobStatus;
import com.seedancebot.core.pipeline.Pipeline;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A sole instance on an embedded database shows each job's status as instances sharing a database
 * do (one message, no text twice, no older state after a newer one, the outcome last), without
 * claiming its texts on the job's row.
 */
class SoleInstanceStatusTest {

  @TempDir Path dir;

  @Test
  void statusesAreShownOnceInOrderWithoutClaimsOnTheJobRow() {
    PipelineHarness h = new PipelineHarness(dir);
    Pipeline sole = h.soleInstance();
    h.accept("j1");
    Job queued = h.job("j1");

    sole.status().show(queued, 1);
    sole.status().show(queued, 1);
    sole.dispatcher().tick();
    Job submitted = h.job("j1");
    sole.status().show(queued, 1); // a stale snapshot
    h.provider.fail(submitted.providerTaskId(), "OutputVideoSensitiveContentDetected");
    h.clock.advance(Duration.ofSeconds(5));
    sole.tracker().tick();
    sole.delivery().tick();

    assertThat(h.chat.statusCalls)
        .extracting(JobStatus::state)
        .containsExactly(JobState.QUEUED, JobState.SUBMITTED, JobState.FAILED);
    assertThat(h.chat.statusCalls.stream().filter(c -> c.statusMessageId() == null))
        .as("one status message sent, then edited")
        .hasSize(1);
    Job ended = h.job("j1");
    assertThat(ended.finalStatusAt()).isNotNull();
    assertThat(ended.deliveredAt()).isNotNull();
    assertThat(h.chat.statusById.get(ended.statusMessageId())).contains("refused");
    assertThat(
            JdbcClient.create(h.db)
                .sql("SELECT status_rank FROM job WHERE id = 'j1'")
                .query(Integer.class)
                .optional())
        .as("no claim written")
        .isEmpty();
  }
}
