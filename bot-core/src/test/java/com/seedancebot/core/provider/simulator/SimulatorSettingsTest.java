package com.seedancebot.core.provider.simulator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorSettingsTest {

  @Test
  void refusesNonsense() {
    Duration s = Duration.ofSeconds(1);
    assertThatThrownBy(() -> new SimulatorSettings(s, s, 1.5, 3, 320, 10))
        .hasMessageContaining("failureRate");
    assertThatThrownBy(() -> new SimulatorSettings(s.negated(), s, 0, 3, 320, 10))
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> new SimulatorSettings(s, s, 0, 0, 320, 10))
        .hasMessageContaining("maxConcurrentTasks");
    assertThatThrownBy(() -> new SimulatorSettings(s, s, 0, 3, 320, 0))
        .hasMessageContaining("framesPerSecond");
  }
}
