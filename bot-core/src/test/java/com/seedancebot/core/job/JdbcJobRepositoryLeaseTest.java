package com.seedancebot.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The collect step's lease ends with the success it records. */
class JdbcJobRepositoryLeaseTest {

  @TempDir Path dir;

  @Test
  void aLeaseRenewedJustAfterTheSuccessDoesNotDelayTheDelivery() {
    var jobs = new JdbcJobRepository(TestDatabase.migratedH2(dir), JsonMapper.builder().build());
    Instant now = Instant.parse("2026-11-30T00:00:00Z");
    jobs.insert(job("j1", now));
    jobs.markSubmitted("j1", "ark", "t-j1", null, now, now);
    assertThat(jobs.claim("j1", JobStep.COLLECT, "bot-1", now, now.plusSeconds(60))).isTrue();

    jobs.markSucceeded("j1", new JobResult("v.mp4", null, 10, 1, 1, 5, 1L, 1L), now);
    // the renewal took its list of running units before the collect unit ended
    jobs.renewLeases("bot-1", List.of("j1"), now.plusSeconds(90));

    assertThat(jobs.findUndelivered(now, 10)).extracting(Job::id).containsExactly("j1");
  }

  @Test
  void aRenewalRacingTheEndOfASubmitNeverPushesTheFirstPollBack() {
    var jobs = new JdbcJobRepository(TestDatabase.migratedH2(dir), JsonMapper.builder().build());
    Instant now = Instant.parse("2026-11-30T00:00:00Z");
    jobs.insert(job("j1", now));
    assertThat(jobs.claim("j1", JobStep.SUBMIT, "bot-1", now, now.plusSeconds(60))).isTrue();

    jobs.markSubmitted("j1", "ark", "t-j1", "token", now, now.plusSeconds(3));
    // the renewal took its list of running units before the submit unit released its lease
    jobs.renewLeases("bot-1", List.of("j1"), now.plusSeconds(90));

    assertThat(jobs.findDueAtProvider(now.plusSeconds(3), 10))
        .extracting(Job::id)
        .containsExactly("j1");
    assertThat(jobs.claim("j1", JobStep.COLLECT, "bot-2", now, now.plusSeconds(60)))
        .as("the lease itself still holds another instance off")
        .isFalse();
  }

  private static Job job(String id, Instant now) {
    return TestJobs.accepted(id, "c1", now);
  }
}
