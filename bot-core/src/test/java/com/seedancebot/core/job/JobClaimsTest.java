package com.seedancebot.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.pipeline.Pipeline;
import com.seedancebot.core.provider.TaskState;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Claims of a job's steps: in the database when instances share it, in memory for a sole instance
 * (no lease written), and in both cases a step that ended is never started again from an older read
 * of the job.
 */
class JobClaimsTest {

  @TempDir Path dir;
  private PipelineHarness h;

  @BeforeEach
  void wire() {
    h = new PipelineHarness(dir);
  }

  private JobClaims claims(boolean sharesDatabase) {
    return new JobClaims(
        h.jobs,
        JobSettings.defaults(Duration.ofSeconds(1)).withInstanceId("bot-a"),
        h.clock,
        sharesDatabase);
  }

  private String leaseOwner(String id) {
    return JdbcClient.create(h.db)
        .sql("SELECT lease_owner FROM job WHERE id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private void submitted(String id) {
    h.accept(id);
    h.pipeline.dispatcher().tick();
    assertThat(h.job(id).state()).isEqualTo(JobState.SUBMITTED);
  }

  @Test
  void sharingTheDatabaseAClaimIsALeaseThatKeepsOtherInstancesOffUntilReleased() {
    submitted("j1");
    JobClaims a = claims(true);
    JobClaims b =
        new JobClaims(
            h.jobs,
            JobSettings.defaults(Duration.ofSeconds(1)).withInstanceId("bot-b"),
            h.clock,
            true);

    assertThat(a.claim("j1", JobStep.COLLECT)).isTrue();
    assertThat(leaseOwner("j1")).isEqualTo("bot-a");
    assertThat(b.claim("j1", JobStep.COLLECT)).isFalse();
    a.release("j1");
    assertThat(b.claim("j1", JobStep.COLLECT)).isTrue();
  }

  @Test
  void aSoleInstanceClaimsInMemoryWithoutALeaseAndNeverAgainOnceTheStepEnded() {
    submitted("j1");
    JobClaims sole = claims(false);

    assertThat(sole.claim("j1", JobStep.COLLECT)).isTrue();
    assertThat(leaseOwner("j1")).isNull();
    sole.release("j1");
    assertThat(sole.claim("j1", JobStep.COLLECT)).isTrue();
    sole.ended("j1", JobStep.COLLECT);
    assertThat(sole.claim("j1", JobStep.COLLECT)).isFalse();
    assertThat(sole.claim("j1", JobStep.DELIVER)).isTrue();
  }

  @Test
  void aSoleInstanceNeverCollectsAResultTwiceWhenAnOlderReadOfTheJobComesBack() {
    Pipeline sole = h.soleInstance();
    submitted("j1");
    Job older = h.job("j1");
    h.provider.succeed(older.providerTaskId(), new byte[] {1, 2, 3}, 42L);
    h.clock.advance(Duration.ofSeconds(5));
    sole.tracker().tick(); // polls, collects
    sole.delivery().tick();
    assertThat(h.job("j1").state()).isEqualTo(JobState.SUCCEEDED);

    // a late callback about the job as it was read before: confirmed, but never collected again
    sole.tracker().onCallback(older, TaskState.SUCCEEDED);
    sole.tracker().collectQueued();
    sole.delivery().tick();

    assertThat(h.provider.downloads).hasValue(1);
    assertThat(h.chat.videos).hasSize(1);
    assertThat(h.secondsLeft()).isEqualTo(96);
  }
}
