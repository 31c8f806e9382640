package com.seedancebot.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.provider.ProviderException;
import com.seedancebot.core.provider.TaskState;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees when answers get lost or messages disappear: never a second paid task, never a
 * second copy of a message, always the video, a link or a clear reason.
 */
class ExactlyOnceTest {

  @TempDir Path dir;
  private PipelineHarness h;

  @BeforeEach
  void wire() {
    h = new PipelineHarness(dir);
  }

  @Test
  void aCreateWhoseAnswerWasLostIsFoundAtTheProviderInsteadOfCreatedAgain() {
    h.provider.canFindCreated(true);
    h.provider.loseNextSubmitAnswers(1);
    h.accept("j1");

    h.pipeline.dispatcher().tick();
    assertThat(h.job("j1").state()).isEqualTo(JobState.QUEUED);
    assertThat(h.job("j1").submissionUncertain()).isTrue();
    h.clock.advance(Duration.ofSeconds(5));
    h.pipeline.dispatcher().tick();

    assertThat(h.provider.submissions).hasSize(1);
    Job job = h.job("j1");
    assertThat(job.state()).isEqualTo(JobState.SUBMITTED);
    assertThat(job.providerTaskId()).isEqualTo(h.provider.taskIds().get(0));
    assertThat(h.provider.submissions.get(0).request().seed())
        .as("the bot chose and stored the seed before sending")
        .isEqualTo(job.request().seed())
        .isNotNull();
  }

  @Test
  void aLostCreateThatMadeNoTaskIsSentAgainWithTheSameSeed() {
    h.provider.canFindCreated(true);
    h.provider.failNextSubmit(ProviderException.outcomeUnknown(null, "connection reset", null));
    h.accept("j1");

    h.pipeline.dispatcher().tick();
    h.clock.advance(Duration.ofSeconds(5));
    h.pipeline.dispatcher().tick();

    assertThat(h.provider.submissions).hasSize(1);
    assertThat(h.job("j1").state()).isEqualTo(JobState.SUBMITTED);
  }

  @Test
  void whereTheProviderCannotTellTheJobEndsWithARefundInsteadOfPayingTwice() {
    h.provider.loseNextSubmitAnswers(1);
    h.accept("j1");

    h.pipeline.dispatcher().tick();
    h.clock.advance(Duration.ofSeconds(5));
    h.pipeline.dispatcher().tick();
    h.pipeline.delivery().tick();

    assertThat(h.provider.submissions).hasSize(1);
    assertThat(h.job("j1").state()).isEqualTo(JobState.FAILED);
    assertThat(h.chat.statusById.values())
        .anySatisfy(t -> assertThat(t).contains("did not confirm").contains("refunded"));
    assertThat(h.secondsLeft()).isEqualTo(100);
  }

  @Test
  void aRefusalWithAnAnswerIsRetriedAsBeforeWithoutLookingForATask() {
    h.provider.canFindCreated(true);
    h.provider.failNextSubmit(ProviderException.transientFailure("429 busy", null));
    h.accept("j1");

    h.pipeline.dispatcher().tick();
    assertThat(h.job("j1").submissionUncertain()).isFalse();
    h.clock.advance(Duration.ofSeconds(5));
    h.pipeline.dispatcher().tick();

    assertThat(h.provider.submissions).hasSize(1);
    assertThat(h.job("j1").state()).isEqualTo(JobState.SUBMITTED);
  }

  @Test
  void aDeletedStatusMessageNeverCostsTheVideo() {
    h.accept("j1");
    h.pipeline.dispatcher().tick();
    h.chat.deletedStatus.addAll(h.chat.statusById.keySet());
    String task = h.provider.taskIds().get(0);
    h.provider.succeed(task, new byte[] {1, 2, 3}, 42L);
    h.clock.advance(Duration.ofSeconds(5));
    h.pipeline.tracker().tick();

    h.pipeline.delivery().tick();
    h.pipeline.delivery().tick();

    assertThat(h.chat.videos).hasSize(1);
    assertThat(h.job("j1").deliveredAt()).isNotNull();
    assertThat(h.chat.statusById.values()).noneMatch(t -> t.startsWith("✅"));
  }

  @Test
  void aFailureWhoseStatusWasDeletedIsToldInANewMessage() {
    h.accept("j1");
    h.pipeline.dispatcher().tick();
    h.chat.deletedStatus.addAll(h.chat.statusById.keySet());
    h.provider.fail(h.provider.taskIds().get(0), "OutputVideoSensitiveContentDetected");
    h.clock.advance(Duration.ofSeconds(5));
    h.pipeline.tracker().tick();

    h.pipeline.delivery().tick();

    assertThat(h.chat.statusCalls.stream().filter(s -> s.statusMessageId() == null))
        .as("the first status, then the failure anew")
        .hasSize(2);
    assertThat(h.chat.statusById.values())
        .filteredOn(t -> t.startsWith("❌ Job j1 failed"))
        .hasSize(1);
    assertThat(h.job("j1").deliveredAt()).isNotNull();
  }

  @Test
  void anUploadRefusedForGoodFallsBackToTheSignedLinkOnce() {
    h.runToSuccess("j1");
    h.chat.refuseUploads = "Request Entity Too Large";

    h.pipeline.delivery().tick();
    h.clock.advance(Duration.ofMinutes(5));
    h.pipeline.delivery().tick();

    assertThat(h.chat.videos).isEmpty();
    assertThat(h.chat.allTexts())
        .singleElement()
        .satisfies(
            t ->
                assertThat(t)
                    .contains("Job j1 is done, but I could not upload the video here")
                    .contains("http://localhost:8080/files/")
                    .contains("sig="));
    assertThat(h.job("j1").deliveredAt()).isNotNull();
  }

  @Test
  void aRetriedDeliveryDoesNotShowTheFinalStatusAgain() {
    h.runToSuccess("j1");
    h.chat.failNextUploads(1);

    h.pipeline.delivery().tick();
    assertThat(h.chat.videos).isEmpty();
    h.clock.advance(Duration.ofMinutes(5));
    h.pipeline.delivery().tick();

    assertThat(h.chat.videos).hasSize(1);
    assertThat(h.chat.statusCalls.stream().filter(s -> s.state() == JobState.SUCCEEDED)).hasSize(1);
  }

  @Test
  void aProviderThatRevokesTheKeyEndsItsJobsAfterTheGraceTimeWithARefund() {
    h.accept("j1");
    h.pipeline.dispatcher().tick();
    h.provider.set(h.provider.taskIds().get(0), TaskState.RUNNING);
    h.provider.failPolls(
        new ProviderException(
            ProviderException.Kind.OPERATOR, "AuthenticationError", "401", (Throwable) null));

    for (int i = 0; i < 40 && !h.job("j1").state().isFinal(); i++) {
      h.clock.advance(Duration.ofSeconds(10));
      h.pipeline.tracker().tick();
    }

    Job job = h.job("j1");
    assertThat(job.state()).isEqualTo(JobState.FAILED);
    assertThat(job.errorCode()).isEqualTo("credentials_revoked");
    assertThat(Duration.between(job.submittedAt(), job.finishedAt()))
        .isBetween(Duration.ofMinutes(5), Duration.ofMinutes(7));
    assertThat(h.secondsLeft()).isEqualTo(100);
  }
}
