package com.seedancebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.seedancebot.core.delivery.ChatDeliveryException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TelegramSendBudgetTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
  private Duration slept = Duration.ZERO;
  private final TelegramSendBudget budget =
      new TelegramSendBudget(
          clock,
          wait -> {
            slept = slept.plus(wait);
            clock.advance(wait);
          },
          Duration.ofSeconds(2));

  @Test
  void aChatMaySendABurstThenAboutOneMessageASecond() {
    for (int i = 0; i < 3; i++) {
      assertThat(budget.tryTake("42")).isZero();
    }
    Duration wait = budget.tryTake("42");
    assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
    clock.advance(wait);
    assertThat(budget.tryTake("42")).isZero();
  }

  @Test
  void aChatThatSpentItsBudgetNeverSlowsAnother() {
    for (int i = 0; i < 3; i++) {
      budget.tryTake("42");
    }
    assertThat(budget.tryTake("42")).isPositive();
    assertThat(budget.tryTake("43")).isZero();
  }

  @Test
  void thirtyMessagesASecondInAllThenTheBotWaits() {
    for (int chat = 0; chat < 30; chat++) {
      assertThat(budget.tryTake("chat-" + chat)).isZero();
    }
    assertThat(budget.tryTake("chat-30")).isPositive();
    clock.advance(Duration.ofSeconds(1));
    assertThat(budget.tryTake("chat-30")).isZero();
  }

  @Test
  void aGroupGetsTwentyMessagesAMinuteAndThenTheWaitGoesBackToTheCore() {
    for (int i = 0; i < 20; i++) {
      budget.acquire("-100123"); // short waits are slept in place
    }
    assertThat(slept).isPositive();

    assertThatThrownBy(() -> budget.acquire("-100123"))
        .isInstanceOfSatisfying(
            ChatDeliveryException.class,
            e -> {
              assertThat(e.retryable()).isTrue();
              assertThat(e.retryAfter()).isGreaterThan(Duration.ofSeconds(2));
            });
  }

  @Test
  void aMessageSentOnceWaitsOutAChatsSpentBudgetInPlace() {
    // given a group whose budget is spent for longer than the pipeline waits in place
    for (int i = 0; i < 20; i++) {
      budget.acquire("-100123");
    }
    assertThatThrownBy(() -> budget.acquire("-100123")).isInstanceOf(ChatDeliveryException.class);

    // when a reply is sent with a longer wait, then it waits in place and takes its message
    Duration before = slept;
    budget.acquire("-100123", Duration.ofMinutes(1));
    assertThat(slept.minus(before)).isGreaterThan(Duration.ofSeconds(2));
  }
}
