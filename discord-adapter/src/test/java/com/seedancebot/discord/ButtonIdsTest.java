package com.seedancebot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.seedancebot.core.chat.ButtonAction;
import org.junit.jupiter.api.Test;

class ButtonIdsTest {

  @Test
  void every_action_round_trips() {
    for (ButtonAction action : ButtonAction.values()) {
      String id = ButtonIds.of(action, "job-1:a");
      assertThat(ButtonIds.parse(id)).contains(new ButtonIds.Press(action, "job-1:a"));
    }
    assertThat(ButtonIds.of(ButtonAction.REROLL, "j9")).isEqualTo("seedance:r:j9");
  }

  @Test
  void foreign_or_broken_ids_are_not_ours() {
    assertThat(ButtonIds.parse("other:r:j9")).isEmpty();
    assertThat(ButtonIds.parse("seedance:q:j9")).isEmpty();
    assertThat(ButtonIds.parse("seedance:r:")).isEmpty();
    assertThat(ButtonIds.parse(null)).isEmpty();
  }

  @Test
  void job_ids_that_do_not_fit_discords_100_characters_are_refused() {
    assertThatThrownBy(() -> ButtonIds.of(ButtonAction.CANCEL, "x".repeat(90)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
