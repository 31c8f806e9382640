package com.seedancebot.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.job.JobTelemetry.Delivery;
import com.seedancebot.core.job.JobTelemetry.Stage;
import com.seedancebot.core.job.JobTelemetry.Stored;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/**
 * What the pipeline reports about a job for monitoring, on a controlled clock: each stage's time
 * once, how the job ended and how its video arrived; and that the job's identity is in the logging
 * context while its steps run, so a chat adapter's or provider client's log lines name it.
 */
class JobTelemetryTest {

  @TempDir Path dir;
  private final Recorded recorded = new Recorded();
  private PipelineHarness harness;

  @BeforeEach
  void wire() {
    harness = new PipelineHarness(dir, recorded);
  }

  @Test
  void aSucceededJobReportsEachStageOnceWithTheTimeItTook() {
    // given a job that waits 2 s in the queue, 5 s at the provider and 3 s for its delivery
    harness.accept("j1");
    harness.clock.advance(Duration.ofSeconds(2));
    harness.pipeline.dispatcher().tick();
    String task = harness.job("j1").providerTaskId();
    harness.provider.succeed(task, new byte[] {1, 2, 3}, 42L);
    harness.clock.advance(Duration.ofSeconds(5));
    harness.pipeline.tracker().tick();
    harness.clock.advance(Duration.ofSeconds(3));

    // when its video is posted
    harness.pipeline.delivery().tick();

    // then every stage was reported once, with the clock's times
    assertThat(recorded.stages)
        .containsExactly(
            "j1 QUEUED PT2S",
            "j1 AT_PROVIDER PT5S",
            "j1 COLLECT PT0S",
            "j1 DELIVER PT3S",
            "j1 END_TO_END PT10S");
    assertThat(recorded.events).containsExactly("j1 SUCCEEDED", "3 bytes RESULT", "j1 UPLOAD");

    // and the upload ran with the job's identity in the logging context
    assertThat(harness.chat.videoLogContexts)
        .containsExactly(
            Map.of(
                JobLogContext.JOB_ID, "j1",
                JobLogContext.PROVIDER_TASK_ID, task,
                JobLogContext.PLATFORM, "playground",
                JobLogContext.CHAT_ID, "c1"));
    assertThat(MDC.getCopyOfContextMap()).as("nothing left on the test's thread").isNullOrEmpty();
  }

  @Test
  void anUploadRefusedForGoodCountsAsALinkAndAFailedTaskOnlyAsItsEnd() {
    harness.chat.refuseUploads = "Bad Request: file is too big";
    harness.runToSuccess("j1");
    harness.accept("j2");
    harness.pipeline.dispatcher().tick();
    harness.provider.fail(harness.job("j2").providerTaskId(), "InternalServiceError");
    harness.clock.advance(Duration.ofSeconds(4));
    harness.pipeline.tracker().tick();

    harness.pipeline.delivery().tick();

    assertThat(recorded.events).contains("j1 LINK", "j2 FAILED").doesNotContain("j2 UPLOAD");
    assertThat(recorded.stages)
        .filteredOn(s -> s.startsWith("j2"))
        .containsExactly("j2 QUEUED PT0S", "j2 AT_PROVIDER PT4S");
  }

  /** Every report, in order, as text. */
  private static final class Recorded implements JobTelemetry {
    final List<String> stages = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void stage(Stage stage, Job job, Duration time) {
      stages.add(job.id() + " " + stage + " " + time);
    }

    @Override
    public void finished(Job job, JobState state) {
      events.add(job.id() + " " + state);
    }

    @Override
    public void delivered(Job job, Delivery kind) {
      events.add(job.id() + " " + kind);
    }

    @Override
    public void stored(Stored kind, long bytes) {
      events.add(bytes + " bytes " + kind);
    }
  }
}
