package com.seedancebot.core.bot;

import static com.seedancebot.core.bot.CommandDesk.GROUP;
import static com.seedancebot.core.bot.CommandDesk.admin;
import static com.seedancebot.core.bot.CommandDesk.chinese;
import static com.seedancebot.core.bot.CommandDesk.member;
import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.governance.GovernanceRules;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.quota.QuotaBudget;
import com.seedancebot.core.quota.QuotaTier;
import com.seedancebot.core.quota.QuotaTiers;
import com.seedancebot.core.request.ModelPrice;
import com.seedancebot.core.request.PriceTable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiers, money budgets and {@code /admin quota} as admins and users meet them. */
class QuotaAdminTest {

  private static final UserRef ADMIN = admin("3");
  private static final UserRef BOB = member("77");
  private static final QuotaTier TRIAL =
      new QuotaTier("trial", QuotaBudget.daily(2, 0), false, Set.of(), Set.of(), false, false);
  private static final QuotaTier MEMBERS =
      new QuotaTier(
          "members",
          new QuotaBudget(0, 0, 12_000_000, 0, 0, 0),
          false,
          Set.of(),
          Set.of(),
          false,
          true);
  private static final PriceTable CNY =
      new PriceTable(
          "CNY", Map.of("doubao-seedance-2-0-260128", ModelPrice.flat(BigDecimal.valueOf(46))));

  @TempDir Path dir;

  private CommandDesk desk(QuotaTiers tiers, PriceTable prices) {
    return new CommandDesk(dir, GovernanceRules.none(), tiers, prices);
  }

  @Test
  void aTierGivenByReplyingAllowsExactlyItsJobsAndIsLogged() {
    CommandDesk desk = desk(new QuotaTiers(List.of(TRIAL)), PriceTable.none());

    assertThat(desk.sayReplyingTo(ADMIN, GROUP, "/admin quota trial", BOB))
        .containsExactly("The quota of TELEGRAM:77 here is now the tier trial.");
    desk.say(BOB, GROUP, "/video one");
    desk.say(BOB, GROUP, "/video two");

    assertThat(desk.say(BOB, GROUP, "/video three"))
        .containsExactly(
            "You have used 2 of your 2 videos per 24 hours. You can start the next one in 24 h 0"
                + " min.");
    assertThat(desk.jobs.findRecentByOwner(BOB, 5)).hasSize(2);
    assertThat(desk.say(ADMIN, GROUP, "/admin log").get(0))
        .contains("admin 3 (TELEGRAM:3) set the quota of TELEGRAM:77: tier trial");
  }

  @Test
  void explicitLimitsReplaceTheConfiguredOnesUntilReset() {
    CommandDesk desk = desk(QuotaTiers.none(), PriceTable.none());

    assertThat(desk.say(ADMIN, GROUP, "/admin quota 77 jobs=1 seconds=40"))
        .containsExactly("The daily quota of TELEGRAM:77 here is now jobs=1 seconds=40.");
    desk.say(BOB, GROUP, "/video one");
    assertThat(desk.say(BOB, GROUP, "/video two").get(0)).startsWith("You have used 1 of your 1");
    assertThat(desk.say(ADMIN, GROUP, "/admin quota 77 reset"))
        .containsExactly("The quota of TELEGRAM:77 here is back to what the configuration gives.");
    assertThat(desk.say(BOB, GROUP, "/video two again")).isEmpty();
    assertThat(desk.jobs.findRecentByOwner(BOB, 5)).hasSize(2);
    assertThat(desk.say(ADMIN, GROUP, "/admin log").get(0))
        .contains("set the quota of TELEGRAM:77: jobs=1 seconds=40")
        .contains("set the quota of TELEGRAM:77: reset");
  }

  @Test
  void mistakesAndMembersAreAnsweredInTheirLanguage() {
    CommandDesk desk = desk(new QuotaTiers(List.of(TRIAL)), PriceTable.none());

    assertThat(desk.say(ADMIN, GROUP, "/admin quota 77 gold"))
        .containsExactly("There is no tier called gold. Tiers: trial.");
    assertThat(desk.say(chinese(ADMIN), GROUP, "/admin quota chat jobs=-1"))
        .containsExactly("无法识别 jobs=-1：请写 jobs=N、seconds=N 或 money=N，数字不小于 0（0 = 不限；money 可以有小数）。");
    assertThat(desk.say(BOB, GROUP, "/admin quota 77 trial"))
        .containsExactly("Sorry, /admin is for admins of this chat only.");
    assertThat(desk.say(ADMIN, GROUP, "/admin log"))
        .containsExactly("No admin actions have been recorded in this chat yet.");
  }

  @Test
  void aMoneyBudgetStopsTheJobThatWouldExceedItAndAFailedJobGivesItsMoneyBack() {
    CommandDesk desk = desk(new QuotaTiers(List.of(MEMBERS)), CNY);
    desk.say(BOB, GROUP, "/video one");
    Job first = desk.newestJob(BOB);
    desk.clock.advance(Duration.ofSeconds(1));
    desk.say(BOB, GROUP, "/video two");

    assertThat(desk.say(BOB, GROUP, "/video three"))
        .containsExactly(
            "Your allowance of 12.00 CNY per 24 hours has 1.98 CNY left, but this video needs"
                + " 5.01 CNY. Enough frees up in 24 h 0 min, or choose a shorter video.");
    desk.refusedForContent(first);

    assertThat(String.join("\n", desk.say(BOB, GROUP, "/quota")))
        .contains(
            "You: videos unlimited (1 used), seconds unlimited (5 s used), 6.99 CNY of"
                + " 12.00 CNY left");
    assertThat(desk.say(BOB, GROUP, "/video three again")).isEmpty();
    assertThat(desk.jobs.findRecentByOwner(BOB, 5)).hasSize(3);
  }

  @Test
  void aStoryboardReservesTheMoneyOfAllItsScenesUnderTheTierAndShowsItsTotal() {
    CommandDesk desk = desk(new QuotaTiers(List.of(MEMBERS)), CNY);

    // three scenes of 5.01 CNY do not fit a budget of 12.00 CNY: nothing is spent
    assertThat(desk.say(BOB, GROUP, "/story one | two | three"))
        .singleElement()
        .asString()
        .contains("12.00 CNY per 24 hours");
    assertThat(desk.jobs.findRecentByOwner(BOB, 5)).isEmpty();
    assertThat(String.join("\n", desk.say(BOB, GROUP, "/quota"))).contains("12.00 CNY of 12.00");

    // two scenes do: both are reserved now; the status and the card show the whole estimate
    assertThat(desk.say(BOB, GROUP, "/story one | two")).isEmpty();
    Job first = desk.newestJob(BOB);
    assertThat(desk.statusOf(first)).contains("Whole storyboard: 10 s, about 217,800 tokens");
    assertThat(desk.say(BOB, GROUP, "/show " + first.scene().storyId()).get(0))
        .contains(
            "Whole storyboard: 10 s, about 217,800 tokens · ≈ 10.02 CNY; billed so far: 0 tokens");
    assertThat(String.join("\n", desk.say(BOB, GROUP, "/quota")))
        .contains("seconds unlimited (10 s used), 1.98 CNY of 12.00 CNY left");
  }
}
