package com.seedancebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TelegramBotIdentityTest {
  @Test
  void commandsWithoutSuffixOrWithOurNameAreOurs() {
    TelegramBotIdentity identity = new TelegramBotIdentity();
    identity.learn("SeedanceBot");

    assertThat(identity.addressedToUs("/video a cat")).isTrue();
    assertThat(identity.addressedToUs("  /help")).isTrue();
    assertThat(identity.addressedToUs("/video@seedancebot a cat")).isTrue();
    assertThat(identity.addressedToUs("/video@OtherBot a cat")).isFalse();
    assertThat(identity.addressedToUs("a /video in the middle")).isFalse();
    assertThat(identity.addressedToUs("/")).isFalse();
    assertThat(identity.addressedToUs(null)).isFalse();
  }
}
