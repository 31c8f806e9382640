package com.seedancebot.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seedancebot.core.pipeline.Pipeline;
import com.seedancebot.core.pipeline.PipelineSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline as the app runs it (stages on their own threads): one user's hung upload holds one
 * delivery worker, never another user's video, and ends at the stage's timeout with one retry.
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
  void anUploadPastTheDeliveryTimeoutIsInterruptedAndRetriedOnce() {
    CountDownLatch release = new CountDownLatch(1);
    h.chat.hangUploadsIn("slow", release);
    h.runToSuccess("j0", "slow");

    running = h.pooled(settings(Duration.ofMillis(300)));
    running.start();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(h.job("j0").attempts()).isEqualTo(1));
    assertThat(h.job("j0").deliveredAt()).as("interrupted, waiting to retry").isNull();

    release.countDown();
    h.clock.advance(Duration.ofMinutes(1));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(h.job("j0").deliveredAt()).isNotNull());
    assertThat(h.chat.videos).hasSize(1);
  }

  private static PipelineSettings settings(Duration deliverTimeout) {
    PipelineSettings d = PipelineSettings.defaults();
    return new PipelineSettings(
        Duration.ofMillis(20),
        d.submitWorkers(),
        d.pollWorkers(),
        d.collectWorkers(),
        d.deliverWorkers(),
        d.statusWorkers(),
        d.perPlatform(),
        d.perProvider(),
        d.providerCallTimeout(),
        d.collectTimeout(),
        deliverTimeout,
        d.statusTimeout());
  }
}
