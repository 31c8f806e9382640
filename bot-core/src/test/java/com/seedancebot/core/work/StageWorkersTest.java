package com.seedancebot.core.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Bounds of a stage's workers, driven by an executor that runs units only when told to. */
class StageWorkersTest {

  private final List<Runnable> started = new ArrayList<>();
  private final StageWorkers workers =
      new StageWorkers("test", started::add, null, 2, 1, Duration.ofMinutes(1));

  @Test
  void aUnitTurnedAwayForAFullStageLeavesItsGroupsCountAlone() {
    assertThat(workers.trySubmit("a", "telegram", () -> {})).isTrue();
    assertThat(workers.trySubmit("b", "discord", () -> {})).isTrue();

    assertThat(workers.trySubmit("c", "telegram", () -> {})).as("stage full").isFalse();
    finish(1); // b ends: the stage has room again, telegram still runs a

    assertThat(workers.trySubmit("d", "telegram", () -> {})).as("telegram still full").isFalse();
    assertThat(workers.running("telegram")).isEqualTo(1);
  }

  @Test
  void aUnitEndsAndTheStageTakesWorkAgain() {
    assertThat(workers.trySubmit("a", "telegram", () -> {})).isTrue();
    assertThat(workers.trySubmit("b", "telegram", () -> {})).as("group full").isFalse();

    finish(0);

    assertThat(workers.trySubmit("b", "telegram", () -> {})).isTrue();
  }

  @Test
  void theNextUnitToEndAfterWorkWasTurnedAwayCallsTheRoomListenerOnce() {
    AtomicInteger calls = new AtomicInteger();
    workers.onRoom(calls::incrementAndGet);
    workers.trySubmit("a", "telegram", () -> {});
    workers.trySubmit("b", "discord", () -> {});
    finish(0);
    assertThat(calls).as("nothing was turned away").hasValue(0);

    assertThat(workers.trySubmit("c", "telegram", () -> {})).isTrue();
    assertThat(workers.hasRoom("telegram")).isFalse();
    finish(1);
    finish(2);

    assertThat(calls).hasValue(1);
    assertThat(workers.hasRoom("telegram")).isTrue();
  }

  @Test
  void aUnitRunsWithItsSubmittersLogContextAndLeavesTheWorkersOwnAlone() {
    AtomicReference<String> seen = new AtomicReference<>();
    MDC.put("job_id", "j1");
    workers.trySubmit("a", "telegram", () -> seen.set(MDC.get("job_id")));
    MDC.clear(); // the worker thread's own context: empty

    finish(0);

    assertThat(seen).hasValue("j1");
    assertThat(MDC.get("job_id")).as("after the unit").isNull();
  }

  private void finish(int unit) {
    started.get(unit).run();
  }
}
