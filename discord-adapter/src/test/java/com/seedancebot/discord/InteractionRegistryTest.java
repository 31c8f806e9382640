package com.seedancebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class InteractionRegistryTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-14T10:00:00Z"));
  private final InteractionRegistry<String> registry = new InteractionRegistry<>(clock);

  @Test
  void a_ticket_is_live_for_14_minutes_then_kept_but_not_live() {
    var ticket = registry.register("i1", "hook", Locale.CHINESE, false);
    registry.bindMessage("m1", ticket);

    clock.advance(Duration.ofMinutes(13).plusSeconds(59));
    assertThat(registry.isLive(ticket)).isTrue();

    clock.advance(Duration.ofSeconds(1));
    assertThat(registry.isLive(ticket)).isFalse();
    assertThat(registry.forRequest("i1")).contains(ticket);
    assertThat(registry.forMessage("m1")).contains(ticket);

    clock.advance(Duration.ofDays(1));
    assertThat(registry.forRequest("i1")).isEmpty();
  }

  @Test
  void the_original_response_is_claimed_once_and_can_be_given_back() {
    var ticket = registry.register("i2", "hook", null, true);

    assertThat(ticket.locale()).isEqualTo(Locale.ENGLISH);
    assertThat(ticket.claimOriginal()).isTrue();
    assertThat(ticket.claimOriginal()).isFalse();
    ticket.releaseOriginal();
    assertThat(ticket.originalPending()).isTrue();
    assertThat(ticket.claimOriginal()).isTrue();
    ticket.originalIs("m9");
    assertThat(ticket.originalMessageId()).isEqualTo("m9");
  }
}
