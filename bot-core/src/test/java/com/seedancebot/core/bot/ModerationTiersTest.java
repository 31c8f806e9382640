package com.seedancebot.core.bot;

import static com.seedancebot.core.bot.CommandDesk.GROUP;
import static com.seedancebot.core.bot.CommandDesk.chinese;
import static com.seedancebot.core.bot.CommandDesk.member;
import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.governance.AccessRules;
import com.seedancebot.core.governance.BannedWords;
import com.seedancebot.core.governance.GovernanceRules;
import com.seedancebot.core.governance.RefusalLimits;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.quota.QuotaBudget;
import com.seedancebot.core.quota.QuotaTier;
import com.seedancebot.core.quota.QuotaTiers;
import com.seedancebot.core.request.PriceTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tier that skips the banned-words check, and the wait after too many content refusals. */
class ModerationTiersTest {

  private static final UserRef TRUSTED = member("77");
  private static final UserRef MEMBER = member("1");
  private static final QuotaTier EDITORS =
      new QuotaTier(
          "editors", QuotaBudget.unlimited(), true, Set.of("telegram:77"), Set.of(), false, false);

  @TempDir Path dir;
  private CommandDesk desk;

  @BeforeEach
  void wire() {
    GovernanceRules rules =
        new GovernanceRules(
            Set.of(),
            BannedWords.of(List.of("fox")),
            AccessRules.open(),
            new RefusalLimits(2, Duration.ofHours(1)));
    desk = new CommandDesk(dir, rules, new QuotaTiers(List.of(EDITORS)), PriceTable.none());
  }

  @Test
  void aTierThatBypassesModerationMayUseBannedWords() {
    assertThat(desk.say(MEMBER, GROUP, "/video a red fox"))
        .containsExactly(
            "I can't start this video: the prompt contains words this bot is set up to refuse."
                + " Please rephrase it. Nothing was charged.");
    assertThat(desk.say(TRUSTED, GROUP, "/video a red fox")).isEmpty();
    assertThat(desk.jobs.findRecentByOwner(TRUSTED, 5)).hasSize(1);
    assertThat(desk.jobs.findRecentByOwner(MEMBER, 5)).isEmpty();
  }

  @Test
  void afterTooManyContentRefusalsAUserWaitsForTheCooldown() {
    refused("/video one");
    desk.clock.advance(Duration.ofMinutes(1));
    assertThat(desk.say(MEMBER, GROUP, "/video two")).isEmpty();
    refusedNewest();
    desk.clock.advance(Duration.ofMinutes(10));

    assertThat(desk.say(MEMBER, GROUP, "/video three"))
        .containsExactly(
            "The video service refused 2 of your prompts in the last 24 hours, so new videos are"
                + " paused for you for 50 min. Please keep prompts within its content rules.");
    assertThat(desk.say(chinese(MEMBER), GROUP, "/video three"))
        .containsExactly("最近 24 小时内视频服务拒绝了你的 2 个提示词，因此你需要等待 50 分钟后才能生成新视频。请让提示词符合内容规范。");
    assertThat(desk.say(member("2"), GROUP, "/video someone else")).isEmpty();
    desk.clock.advance(Duration.ofMinutes(51));
    assertThat(desk.say(MEMBER, GROUP, "/video four")).isEmpty();
    assertThat(desk.jobs.findRecentByOwner(MEMBER, 10)).hasSize(3);
  }

  private void refused(String command) {
    assertThat(desk.say(MEMBER, GROUP, command)).isEmpty();
    refusedNewest();
  }

  private void refusedNewest() {
    Job job = desk.newestJob(MEMBER);
    desk.refusedForContent(job);
    assertThat(desk.jobs.find(job.id()).orElseThrow().errorCode()).isEqualTo("content_refused");
  }
}
