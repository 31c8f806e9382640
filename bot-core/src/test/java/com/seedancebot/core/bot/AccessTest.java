package com.seedancebot.core.bot;

import static com.seedancebot.core.bot.CommandDesk.GROUP;
import static com.seedancebot.core.bot.CommandDesk.admin;
import static com.seedancebot.core.bot.CommandDesk.chinese;
import static com.seedancebot.core.bot.CommandDesk.member;
import static com.seedancebot.core.bot.CommandDesk.privateChat;
import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.governance.AccessRules;
import com.seedancebot.core.governance.BannedWords;
import com.seedancebot.core.governance.GovernanceRules;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configured access lists as users meet them: told once why, then ignored. */
class AccessTest {

  private static final UserRef MEMBER = member("1");
  private static final UserRef DENIED = member("5");
  private static final UserRef ADMIN = admin("3");
  private static final UserRef OPERATOR = member("99");
  private static final ChatRef ELSEWHERE = ChatRef.of(Platform.TELEGRAM, "-200");

  @TempDir Path dir;
  private CommandDesk desk;

  @BeforeEach
  void wire() {
    AccessRules access =
        new AccessRules(
            Set.of(),
            Set.of("telegram:5"),
            Set.of("Telegram:-100"),
            Set.of(),
            Set.of(),
            Set.of(),
            false);
    desk =
        new CommandDesk(
            dir, new GovernanceRules(Set.of("telegram:99"), BannedWords.none(), access));
  }

  @Test
  void aDeniedUserIsToldOnceAndNothingReachesTheProvider() {
    assertThat(desk.say(DENIED, GROUP, "/video a red fox"))
        .containsExactly(
            "Sorry, this bot is not available to you, so I won't answer your messages.");
    assertThat(desk.say(DENIED, GROUP, "/video a red fox")).isEmpty();
    assertThat(desk.say(DENIED, GROUP, "/help")).isEmpty();
    desk.dispatcher.tick();

    assertThat(desk.jobs.findRecentByOwner(DENIED, 5)).isEmpty();
    assertThat(desk.provider.submissions).isEmpty();
  }

  @Test
  void aChatNotOnTheAllowListIsToldOnceWhyThenIgnoredEvenForAdmins() {
    assertThat(desk.say(chinese(MEMBER), ELSEWHERE, "/video 一只猫"))
        .containsExactly("本机器人未在此聊天中启用，因此我会忽略这里的消息。机器人的运营者可以允许此聊天。");
    assertThat(desk.say(ADMIN, ELSEWHERE, "/admin resume")).isEmpty();
    assertThat(desk.say(MEMBER, ELSEWHERE, "/vidoe a cat")).isEmpty();

    assertThat(desk.say(MEMBER, GROUP, "/video a red fox")).isEmpty();
    assertThat(desk.jobs.findRecentByOwner(MEMBER, 5)).hasSize(1);
  }

  @Test
  void directMessagesCanBeTurnedOff() {
    assertThat(desk.say(MEMBER, privateChat(MEMBER), "/video a red fox"))
        .containsExactly(
            "This bot does not answer direct messages. Please use it in a group or server where it"
                + " is enabled.");
    assertThat(desk.say(MEMBER, privateChat(MEMBER), "/jobs")).isEmpty();
    assertThat(desk.jobs.findRecentByOwner(MEMBER, 5)).isEmpty();
  }

  @Test
  void operatorsAreNeverKeptOut() {
    assertThat(desk.say(OPERATOR, ELSEWHERE, "/video a red fox")).isEmpty();
    assertThat(desk.say(OPERATOR, privateChat(OPERATOR), "/video a red fox")).isEmpty();

    assertThat(desk.jobs.findRecentByOwner(OPERATOR, 5)).hasSize(2);
  }
}
