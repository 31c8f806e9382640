package com.seedancebot.app.web.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Who the playground's API admits, for each way an operator can configure it. */
class PlaygroundAccessTest {

  @Test
  void theSimulatorWithoutATokenIsOpenToEveryone() {
    PlaygroundAccess access = new PlaygroundAccess(null, "simulator");

    assertThat(access.open()).isTrue();
    assertThat(access.admits(null)).isTrue();
  }

  @Test
  void aPaidProviderWithoutATokenCannotStart() {
    assertThatThrownBy(() -> new PlaygroundAccess(null, "gateway"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("BOT_PLAYGROUND_TOKEN")
        .hasMessageContaining("'gateway'");
  }

  @Test
  void withATokenOnlyItsBearerHeaderIsAdmitted() {
    PlaygroundAccess access = new PlaygroundAccess("s3cret-token", "ark");

    assertThat(access.open()).isFalse();
    assertThat(access.admits("Bearer s3cret-token")).isTrue();
    assertThat(access.admits("bearer  s3cret-token ")).isTrue();
    assertThat(access.admits(null)).isFalse();
    assertThat(access.admits("")).isFalse();
    assertThat(access.admits("s3cret-token")).isFalse();
    assertThat(access.admits("Bearer s3cret-toke")).isFalse();
    assertThat(access.admits("Bearer s3cret-token-and-more")).isFalse();
    assertThat(access.admits("Basic czNjcmV0LXRva2Vu")).isFalse();
  }

  @Test
  void theSimulatorWithATokenAlsoAsksForIt() {
    PlaygroundAccess access = new PlaygroundAccess("s3cret-token", "simulator");

    assertThat(access.admits(null)).isFalse();
    assertThat(access.admits("Bearer s3cret-token")).isTrue();
  }

  @Test
  void theTokenDoesNotShowInTheSettings() {
    assertThat(new PlaygroundProperties(true, "s3cret-token").toString())
        .doesNotContain("s3cret-token");
  }
}
