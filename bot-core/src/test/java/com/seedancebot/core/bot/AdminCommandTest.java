package com.seedancebot.core.bot;

import static com.seedancebot.core.bot.CommandDesk.GROUP;
import static com.seedancebot.core.bot.CommandDesk.admin;
import static com.seedancebot.core.bot.CommandDesk.chinese;
import static com.seedancebot.core.bot.CommandDesk.member;
import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.governance.AccessRules;
import com.seedancebot.core.governance.BannedWords;
import com.seedancebot.core.governance.GovernanceRules;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobState;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /admin block|unblock|pause|resume|log} as admins, members and blocked users meet them. */
class AdminCommandTest {

  private static final UserRef MEMBER = member("1");
  private static final UserRef OTHER = member("2");
  private static final UserRef ADMIN = admin("3");
  private static final UserRef OPERATOR = member("99");
  private static final UserRef BOB =
      new UserRef(Platform.TELEGRAM, "77", "@Bob", Locale.ENGLISH, false);
  private static final ChatRef OTHER_GROUP = ChatRef.of(Platform.TELEGRAM, "-200");

  @TempDir Path dir;
  private CommandDesk desk;

  @BeforeEach
  void wire() {
    desk =
        new CommandDesk(
            dir,
            new GovernanceRules(Set.of("telegram:99"), BannedWords.none(), AccessRules.open()));
  }

  @Test
  void aMemberIsToldAdminsOnlyInTheirLanguage() {
    assertThat(desk.say(MEMBER, GROUP, "/admin block 2"))
        .containsExactly("Sorry, /admin is for admins of this chat only.");
    assertThat(desk.say(chinese(MEMBER), GROUP, "/admin pause"))
        .containsExactly("抱歉，/admin 仅限本聊天的管理员使用。");
    assertThat(desk.say(OTHER, GROUP, "/video a red fox")).isEmpty();
  }

  @Test
  void aBlockedUserIsToldOnceAndNothingTheySendReachesTheProvider() {
    assertThat(desk.say(ADMIN, GROUP, "/admin block 1"))
        .containsExactly(
            "TELEGRAM:1 is blocked in this chat: nothing they send will start a video.");

    assertThat(desk.say(MEMBER, GROUP, "/video a red fox"))
        .containsExactly(
            "An admin of this chat has blocked you from using this bot here, so I won't answer your"
                + " messages until an admin unblocks you.");
    assertThat(desk.say(MEMBER, GROUP, "/video a red fox again")).isEmpty();
    assertThat(desk.say(MEMBER, GROUP, "/jobs")).isEmpty();
    desk.dispatcher.tick();

    assertThat(desk.provider.submissions).isEmpty();
    assertThat(desk.jobs.findRecentByOwner(MEMBER, 5)).isEmpty();
    assertThat(desk.say(MEMBER, OTHER_GROUP, "/video a fox elsewhere")).isEmpty();
    assertThat(desk.jobs.findRecentByOwner(MEMBER, 5)).hasSize(1);
  }

  @Test
  void aBlockedUserCannotPressButtonsEither() {
    Job job = video(MEMBER, "/video a red fox");
    desk.say(ADMIN, GROUP, "/admin block 1");

    assertThat(desk.press(MEMBER, GROUP, ButtonAction.CANCEL, job.id())).hasSize(1);
    assertThat(desk.press(MEMBER, GROUP, ButtonAction.REROLL, job.id())).isEmpty();

    assertThat(desk.jobs.find(job.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
  }

  @Test
  void anUnblockedUserMayUseTheBotAgainAndIsToldAgainIfBlockedAgain() {
    desk.say(ADMIN, GROUP, "/admin block 1");
    desk.say(MEMBER, GROUP, "/jobs");

    assertThat(desk.say(ADMIN, GROUP, "/admin unblock telegram:1"))
        .containsExactly("TELEGRAM:1 is unblocked in this chat.");
    assertThat(desk.say(ADMIN, GROUP, "/admin unblock 1"))
        .containsExactly("TELEGRAM:1 is not blocked in this chat.");
    video(MEMBER, "/video a red fox");

    desk.say(ADMIN, GROUP, "/admin block 1");
    assertThat(desk.say(MEMBER, GROUP, "/jobs")).hasSize(1);
  }

  @Test
  void aUserIsNamedByAnUsernameTheBotHasSeen() {
    desk.say(BOB, GROUP, "/help");

    assertThat(desk.say(ADMIN, GROUP, "/admin block @bob"))
        .containsExactly(
            "TELEGRAM:77 is blocked in this chat: nothing they send will start a video.");
    assertThat(desk.say(ADMIN, GROUP, "/admin block @alice"))
        .containsExactly(
            "I don't know the user @alice. Name them by their id, or by the @username of someone"
                + " who has written here.");
    assertThat(desk.say(ADMIN, GROUP, "/admin block"))
        .containsExactly(
            "Whom should I block? Write /admin block followed by a user id or @username.");
  }

  @Test
  void aPausedChatQueuesNothingWhileRunningJobsFinish() {
    Job before = video(MEMBER, "/video a red fox");

    assertThat(desk.say(ADMIN, GROUP, "/admin pause"))
        .containsExactly(
            "The bot is paused in this chat: no new videos start until an admin writes /admin"
                + " resume. Running jobs will finish.");
    assertThat(desk.say(OTHER, GROUP, "/video a blue whale"))
        .containsExactly(
            "The bot is paused by an admin in this chat: no new videos are started. Jobs already"
                + " running will still finish.");
    assertThat(desk.press(MEMBER, GROUP, ButtonAction.REROLL, before.id()))
        .containsExactly(
            "The bot is paused by an admin in this chat: no new videos are started. Jobs already"
                + " running will still finish.");
    desk.dispatcher.tick();

    assertThat(desk.jobs.findRecentByOwner(OTHER, 5)).isEmpty();
    assertThat(desk.provider.submissions).hasSize(1);
    assertThat(desk.jobs.find(before.id()).orElseThrow().state()).isNotEqualTo(JobState.QUEUED);
    assertThat(desk.say(OTHER, GROUP, "/jobs"))
        .singleElement()
        .asString()
        .startsWith("You have no jobs yet.");
  }

  @Test
  void resumingLetsVideosStartAgain() {
    desk.say(ADMIN, GROUP, "/admin pause");
    assertThat(desk.say(ADMIN, GROUP, "/admin pause"))
        .containsExactly("The bot was already paused in this chat.");

    assertThat(desk.say(ADMIN, GROUP, "/admin resume"))
        .containsExactly("The bot is running again in this chat.");
    video(MEMBER, "/video a red fox");
    assertThat(desk.say(ADMIN, GROUP, "/admin resume"))
        .containsExactly("The bot is not paused in this chat.");
  }

  @Test
  void anOperatorFromConfigurationIsAnAdminEverywhereAndCannotBeBlocked() {
    assertThat(desk.say(OPERATOR, OTHER_GROUP, "/admin pause")).hasSize(1);
    assertThat(desk.say(ADMIN, GROUP, "/admin block 99")).hasSize(1);

    video(OPERATOR, "/video a red fox");
  }

  @Test
  void theLogListsEveryActionNewestFirstInPages() {
    assertThat(desk.say(ADMIN, GROUP, "/admin log"))
        .containsExactly("No admin actions have been recorded in this chat yet.");
    desk.say(ADMIN, GROUP, "/admin block 1");
    desk.say(OPERATOR, GROUP, "/admin pause");
    for (int i = 0; i < 9; i++) {
      desk.say(ADMIN, GROUP, i % 2 == 0 ? "/admin resume" : "/admin pause");
    }

    List<String> first = desk.say(ADMIN, GROUP, "/admin log");
    List<String> second = desk.say(ADMIN, GROUP, "/admin log 2");

    assertThat(first)
        .singleElement()
        .satisfies(
            text -> {
              List<String> lines = text.lines().toList();
              assertThat(lines.get(0))
                  .isEqualTo("Admin log, newest first (page 1 of 2, 11 actions):");
              assertThat(lines).hasSize(12);
              assertThat(lines.get(1)).endsWith(" · admin 3 (TELEGRAM:3) resumed TELEGRAM:-100");
              assertThat(lines.get(10)).endsWith(" · user 99 (TELEGRAM:99) paused TELEGRAM:-100");
              assertThat(lines.get(11)).isEqualTo("Older actions: /admin log 2");
            });
    assertThat(second)
        .singleElement()
        .satisfies(
            text -> {
              List<String> lines = text.lines().toList();
              assertThat(lines).hasSize(2);
              assertThat(lines.get(1)).endsWith(" · admin 3 (TELEGRAM:3) blocked TELEGRAM:1");
            });
    assertThat(desk.say(MEMBER, OTHER_GROUP, "/admin log"))
        .containsExactly("Sorry, /admin is for admins of this chat only.");
  }

  private Job video(UserRef user, String text) {
    assertThat(desk.say(user, GROUP, text)).as("no error or note for " + text).isEmpty();
    return desk.newestJob(user);
  }
}
