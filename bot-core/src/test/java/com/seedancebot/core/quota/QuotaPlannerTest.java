package com.seedancebot.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuotaPlannerTest {

  private static final QuotaLimits DEFAULTS =
      new QuotaLimits(
          QuotaBudget.daily(1, 30),
          QuotaBudget.daily(50, 0),
          QuotaBudget.daily(80, 0),
          QuotaBudget.unlimited());
  private static final QuotaTier INTERNS =
      new QuotaTier(
          "Interns",
          new QuotaBudget(2, 60, 5_000_000, 0, 0, 0),
          false,
          Set.of(),
          Set.of(),
          false,
          true);
  private static final QuotaTier DESIGN =
      new QuotaTier(
          "design",
          new QuotaBudget(10, 40, 0, 100, 0, 0),
          true,
          Set.of("telegram:7"),
          Set.of("555"),
          false,
          false);
  private static final QuotaTier ADMINS =
      new QuotaTier("admins", QuotaBudget.daily(20, 0), false, Set.of(), Set.of(), true, false);

  private static final ChatRef GUILD_CHANNEL = new ChatRef(Platform.DISCORD, "c1", null, "g1");
  private static final ChatRef TELEGRAM_GROUP = ChatRef.of(Platform.TELEGRAM, "-100");

  @TempDir Path dir;
  private QuotaOverrides overrides;
  private QuotaPlanner planner;

  @BeforeEach
  void setUp() {
    overrides = new QuotaOverrides(TestDatabase.migratedH2(dir));
    planner =
        new QuotaPlanner(DEFAULTS, new QuotaTiers(List.of(INTERNS, DESIGN, ADMINS)), overrides);
  }

  private static UserRef discord(String id, Set<String> roles) {
    return new UserRef(Platform.DISCORD, id, id, Locale.ENGLISH, false, roles);
  }

  private static UserRef telegram(String id, boolean admin) {
    return new UserRef(Platform.TELEGRAM, id, id, Locale.ENGLISH, admin);
  }

  @Test
  void theMostGenerousOfTheApplicableTiersWinsLimitByLimit() {
    QuotaBudget member = planner.limitsFor(discord("1", Set.of()), GUILD_CHANNEL).user();
    QuotaBudget designer = planner.limitsFor(discord("2", Set.of("555")), GUILD_CHANNEL).user();

    assertThat(member).isEqualTo(INTERNS.budget());
    assertThat(designer).isEqualTo(new QuotaBudget(10, 60, 0, 0, 0, 0));
  }

  @Test
  void tiersGoToUserIdsAndToChatAdminsInGroupsOnly() {
    QuotaTiers onlyNamed = new QuotaTiers(List.of(DESIGN, ADMINS));
    QuotaPlanner named = new QuotaPlanner(DEFAULTS, onlyNamed, overrides);

    assertThat(named.limitsFor(telegram("7", false), TELEGRAM_GROUP).user())
        .isEqualTo(DESIGN.budget());
    assertThat(named.limitsFor(telegram("8", true), TELEGRAM_GROUP).user())
        .isEqualTo(ADMINS.budget());
    assertThat(named.limitsFor(telegram("8", true), ChatRef.of(Platform.TELEGRAM, "8")).user())
        .isEqualTo(DEFAULTS.user());
    assertThat(named.limitsFor(telegram("9", false), TELEGRAM_GROUP)).isEqualTo(DEFAULTS);
  }

  @Test
  void anAdminsOverrideWinsOverTiersInItsScopeOnly() {
    UserRef bob = discord("3", Set.of());
    overrides.set(GUILD_CHANNEL.quotaKey(), bob.key(), QuotaOverride.tier("DESIGN"), "x", 1);
    overrides.set(
        GUILD_CHANNEL.quotaKey(),
        QuotaOverrides.chatSubject("DISCORD:c1"),
        new QuotaOverride(null, 3L, null, 2_000_000L),
        "x",
        1);

    QuotaLimits here = planner.limitsFor(bob, GUILD_CHANNEL);
    QuotaLimits elsewhere = planner.limitsFor(bob, new ChatRef(Platform.DISCORD, "c9", null, "g2"));

    assertThat(here.user()).isEqualTo(DESIGN.budget());
    assertThat(here.chat()).isEqualTo(new QuotaBudget(3, 0, 2_000_000, 0, 0, 0));
    assertThat(here.server()).isEqualTo(DEFAULTS.server());
    assertThat(elsewhere.user()).isEqualTo(INTERNS.budget());
    assertThat(planner.bypassesModeration(bob, GUILD_CHANNEL)).isTrue();
    assertThat(planner.bypassesModeration(bob, new ChatRef(Platform.DISCORD, "c9", null, "g2")))
        .isFalse();
  }
}
