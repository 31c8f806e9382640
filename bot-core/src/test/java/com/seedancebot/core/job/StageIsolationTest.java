package com.seedancebot.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seedancebot.core.pipeline.Pipeline;
import com.seedancebot.core.pipeline.PipelineSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline as the app runs it (stages on their own threads): one user's hung upload holds one
 * delivery worker, never another user's video; past the stage's timeout it is abandoned and the
 * user gets the signed link instead of a second upload.
 */
class StageIsolationTest {

  @TempDir Path dir;
  private PipelineHarness h;
  private Pipeline running;

  @BeforeEach
  void wire() {
    h = new PipelineHarness(dir);
  }

  @AfterEach
  void stop() {
    if (running != null) {
      running.stop();
    }
  }

  @Test
  void aHungUploadDelaysNoOtherChatAndArrivesOnceWhenItUnblocks() {
    CountDownLatch release = new CountDownLatch(1);
    h.chat.hangUploadsIn("slow", release);
    h.runToSuccess("j0", "slow");
    for (int i = 1; i <= 4; i++) {
      h.runToSuccess("j" + i, "c" + i);
    }

    running = h.pooled(settings(Duration.ofMinutes(5)));
    running.start();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(h.chat.videos).hasSize(4));
    assertThat(h.chat.videos).noneMatch(v -> v.chat().chatId().equals("slow"));
    assertThat(h.job("j0").deliveredAt()).isNull();

    release.countDown();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(h.job("j0").deliveredAt()).isNotNull());
    assertThat(h.chat.videos).filteredOn(v -> v.chat().chatId().equals("slow")).hasSize(1);
  }

  @Test
  void anUploadPastTheDeliveryTimeoutIsNotSentAgainButReplacedByTheLink() {
    CountDownLatch release = new CountDownLatch(1);
    h.chat.hangUploadsIn("slow", release);
    h.runToSuccess("j0", "slow");

    running = h.pooled(settings(Duration.ofMillis(300)));
    running.start();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(h.job("j0").deliveredAt()).isNotNull());

    // the abandoned upload may still land at the platform: uploading again could post it twice
    assertThat(h.chat.allTexts())
        .singleElement()
        .satisfies(t -> assertThat(t).contains("the upload is taking too long").contains("sig="));
    release.countDown();
    assertThat(h.chat.videos).isEmpty();
  }

  @Test
  void manyHungUploadsInOneChatNeverTakeEveryDeliveryWorker() {
    CountDownLatch release = new CountDownLatch(1);
    h.chat.hangUploadsIn("slow", release);
    for (int i = 0; i < 5; i++) {
      h.runToSuccess("s" + i, "slow");
    }
    for (int i = 1; i <= 3; i++) {
      h.runToSuccess("j" + i, "c" + i);
    }

    // three delivery workers, at most two of them in one chat
    running = h.pooled(settings(Duration.ofMinutes(5), 3));
    running.start();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(h.chat.videos).hasSize(3));
    assertThat(h.chat.videos).noneMatch(v -> v.chat().chatId().equals("slow"));
    release.countDown();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(h.chat.videos).hasSize(8));
  }

  @Test
  void aBacklogLongerThanAPageInAChatWithHungUploadsNeverHidesAnotherChatsVideo()
      throws IOException {
    CountDownLatch release = new CountDownLatch(1);
    h.chat.hangUploadsIn("slow", release);
    String video = h.assets.store(new ByteArrayInputStream(new byte[] {1, 2, 3}), "mp4");
    for (int i = 0; i < 230; i++) { // more than a page of due deliveries, all finished earlier
      h.jobs.insert(TestJobs.accepted("s" + i, "slow", h.clock.instant()));
      h.jobs.markSucceeded(
          "s" + i, new JobResult(video, null, 3, 640, 360, 4.0, 42L, null), h.clock.instant());
    }
    h.clock.advance(Duration.ofSeconds(1));
    h.runToSuccess("j1", "c1");

    running = h.pooled(settings(Duration.ofMinutes(5)));
    running.start();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(h.job("j1").deliveredAt()).isNotNull());
    assertThat(h.chat.videos).singleElement().satisfies(v -> assertThat(v.jobId()).isEqualTo("j1"));
    release.countDown();
  }

  private static PipelineSettings settings(Duration deliverTimeout) {
    return settings(deliverTimeout, PipelineSettings.defaults().deliverWorkers());
  }

  private static PipelineSettings settings(Duration deliverTimeout, int deliverWorkers) {
    PipelineSettings d = PipelineSettings.defaults();
    return new PipelineSettings(
        Duration.ofMillis(20),
        d.submitWorkers(),
        d.pollWorkers(),
        d.collectWorkers(),
        deliverWorkers,
        d.statusWorkers(),
        d.perPlatform(),
        d.perProvider(),
        d.providerCallTimeout(),
        d.collectTimeout(),
        deliverTimeout,
        d.statusTimeout(),
        d.perChat());
  }

  @Test
  void aBacklogOfAnotherInstancesDeliveriesNeverHidesThisInstancesOwn() {
    h.chat.servedElsewhere.add("elsewhere");
    for (int i = 0; i < 450; i++) { // more than two pages of due jobs this instance cannot deliver
      h.jobs.insert(TestJobs.accepted("other" + i, "elsewhere", h.clock.instant()));
      h.jobs.markFinished("other" + i, JobState.FAILED, "provider_failed", h.clock.instant());
    }
    h.clock.advance(Duration.ofSeconds(1));
    h.runToSuccess("mine", "c1");

    h.pipeline.delivery().tick();

    assertThat(h.chat.videos)
        .singleElement()
        .satisfies(v -> assertThat(v.jobId()).isEqualTo("mine"));
    assertThat(h.job("mine").deliveredAt()).isNotNull();
    assertThat(h.job("other0").deliveredAt()).isNull();
  }
}
