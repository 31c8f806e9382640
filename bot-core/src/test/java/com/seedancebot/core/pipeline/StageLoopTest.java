package com.seedancebot.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A stage loop passes once per tick, and again at once when woken. */
class StageLoopTest {

  private final AtomicInteger passes = new AtomicInteger();
  private final StageLoop loop =
      new StageLoop("test", passes::incrementAndGet, Duration.ofHours(1), Duration.ZERO);

  @AfterEach
  void stop() {
    loop.stop();
  }

  @Test
  void aWakeRunsTheNextPassWithoutWaitingForTheTick() {
    loop.start(Duration.ZERO);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(passes).hasValue(1));

    loop.wake();

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(passes).hasValue(2));
  }

  @Test
  void aPassThatThrowsDoesNotEndTheLoop() {
    AtomicInteger calls = new AtomicInteger();
    StageLoop failing =
        new StageLoop(
            "failing",
            () -> {
              calls.incrementAndGet();
              throw new IllegalStateException("boom");
            },
            Duration.ofHours(1),
            Duration.ZERO);
    try {
      failing.start(Duration.ZERO);
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(calls).hasValue(1));
      failing.wake();
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(calls).hasValue(2));
    } finally {
      failing.stop();
    }
  }
}
