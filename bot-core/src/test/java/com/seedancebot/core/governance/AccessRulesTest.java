package com.seedancebot.core.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.UserRef;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How allow and deny lists of users, chats and servers combine. */
class AccessRulesTest {

  private static final UserRef ALICE =
      new UserRef(Platform.DISCORD, "11", "alice", Locale.ENGLISH, false);
  private static final ChatRef TEAM_CHANNEL = new ChatRef(Platform.DISCORD, "c1", null, "g1");
  private static final ChatRef OTHER_SERVER = new ChatRef(Platform.DISCORD, "c2", null, "g2");
  private static final ChatRef DM = new ChatRef(Platform.DISCORD, "dm", null, null);

  @Test
  void aServerOnTheAllowListAdmitsAllItsChannelsAndADeniedChannelStaysOut() {
    AccessRules rules =
        new AccessRules(
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of("discord:c9"),
            Set.of("discord:g1"),
            Set.of(),
            true);

    assertThat(rules.decide(ALICE, TEAM_CHANNEL)).isEqualTo(AccessVerdict.ALLOWED);
    assertThat(rules.decide(ALICE, OTHER_SERVER)).isEqualTo(AccessVerdict.CHAT_NOT_ALLOWED);
    assertThat(rules.decide(ALICE, new ChatRef(Platform.DISCORD, "c9", null, "g1")))
        .isEqualTo(AccessVerdict.CHAT_NOT_ALLOWED);
    assertThat(rules.decide(ALICE, DM)).isEqualTo(AccessVerdict.ALLOWED);
  }

  @Test
  void aUserAllowListKeepsEveryoneElseOutEvenInDirectMessages() {
    AccessRules rules =
        new AccessRules(
            Set.of("discord:12"), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), true);

    assertThat(rules.decide(ALICE, DM)).isEqualTo(AccessVerdict.USER_NOT_ALLOWED);
    assertThat(rules.decide(ALICE, TEAM_CHANNEL)).isEqualTo(AccessVerdict.USER_NOT_ALLOWED);
  }

  @Test
  void aDeniedServerWinsAndDirectMessagesMayBeOff() {
    AccessRules rules =
        new AccessRules(
            Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of("DISCORD:g2"), false);

    assertThat(rules.decide(ALICE, TEAM_CHANNEL)).isEqualTo(AccessVerdict.ALLOWED);
    assertThat(rules.decide(ALICE, OTHER_SERVER)).isEqualTo(AccessVerdict.CHAT_NOT_ALLOWED);
    assertThat(rules.decide(ALICE, DM)).isEqualTo(AccessVerdict.DIRECT_MESSAGES_OFF);
  }

  @Test
  void anEntryWithoutAPlatformIsAConfigurationError() {
    assertThatThrownBy(
            () ->
                new AccessRules(
                    Set.of("123"), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("telegram:123");
  }
}
