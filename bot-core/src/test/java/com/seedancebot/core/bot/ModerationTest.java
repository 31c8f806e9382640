package com.seedancebot.core.bot;

import static com.seedancebot.core.bot.CommandDesk.GROUP;
import static com.seedancebot.core.bot.CommandDesk.chinese;
import static com.seedancebot.core.bot.CommandDesk.member;
import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.governance.AccessRules;
import com.seedancebot.core.governance.BannedWords;
import com.seedancebot.core.governance.GovernanceRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prompts with banned words are refused before anything is queued or sent to a provider. */
class ModerationTest {

  private static final UserRef MEMBER = member("1");
  private static final String REFUSED =
      "I can't start this video: the prompt contains words this bot is set up to refuse. Please"
          + " rephrase it. Nothing was charged.";

  @TempDir Path dir;
  private CommandDesk desk;

  @BeforeEach
  void wire() {
    desk =
        new CommandDesk(
            dir,
            new GovernanceRules(
                Set.of(), BannedWords.of(List.of("gore", "*血腥*")), AccessRules.open()));
  }

  @Test
  void aBannedWordIsRefusedWithANeutralMessageAndNothingReachesTheProvider() {
    assertThat(desk.say(MEMBER, GROUP, "/video a battle full of Gore")).containsExactly(REFUSED);
    assertThat(desk.say(MEMBER, GROUP, "/video a battle full of ＧＯＲＥ")).containsExactly(REFUSED);
    assertThat(desk.say(chinese(MEMBER), GROUP, "/video 一个血腥的战场"))
        .containsExactly("无法开始这个视频：提示词中含有本机器人设置为拒绝的词语。请换一种说法。未扣除任何额度。");
    desk.dispatcher.tick();

    assertThat(desk.jobs.findRecentByOwner(MEMBER, 5)).isEmpty();
    assertThat(desk.provider.submissions).isEmpty();
  }

  @Test
  void aPromptWithoutBannedWordsGoesAhead() {
    assertThat(desk.say(MEMBER, GROUP, "/video a gorge at sunset")).isEmpty();
    desk.dispatcher.tick();

    assertThat(desk.provider.submissions).hasSize(1);
  }
}
