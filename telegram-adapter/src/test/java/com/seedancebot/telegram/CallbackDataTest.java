package com.seedancebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.seedancebot.core.chat.ButtonAction;
import org.junit.jupiter.api.Test;

class CallbackDataTest {
  @Test
  void roundTripsEveryAction() {
    for (ButtonAction action : ButtonAction.values()) {
      String wire = new CallbackData(action, "job-42").encode();
      assertThat(CallbackData.decode(wire)).isEqualTo(new CallbackData(action, "job-42"));
    }
    assertThat(new CallbackData(ButtonAction.CANCEL, "j").encode()).isEqualTo("c:j");
    assertThat(new CallbackData(ButtonAction.REROLL, "j").encode()).isEqualTo("r:j");
    assertThat(new CallbackData(ButtonAction.CONTINUE, "j").encode()).isEqualTo("n:j");
    assertThat(new CallbackData(ButtonAction.EDIT, "j").encode()).isEqualTo("e:j");
    assertThat(new CallbackData(ButtonAction.EXTEND, "j").encode()).isEqualTo("x:j");
  }

  @Test
  void refusesDataOverSixtyFourBytes() {
    String longId = "x".repeat(63);
    assertThat(CallbackData.fits("x".repeat(62))).isTrue();
    assertThat(CallbackData.fits(longId)).isFalse();
    assertThatThrownBy(() -> new CallbackData(ButtonAction.CANCEL, longId).encode())
        .hasMessageContaining("64 bytes");
  }

  @Test
  void ignoresForeignData() {
    assertThat(CallbackData.decode(null)).isNull();
    assertThat(CallbackData.decode("z:job")).isNull();
    assertThat(CallbackData.decode("c:")).isNull();
    assertThat(CallbackData.decode("cancel")).isNull();
  }
}
