package com.seedancebot.app.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.discord.fake.FakeDiscord;
import com.seedancebot.discord.fake.FakeDiscord.SentInteraction;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged bots on one database and store ({@link ScaleWorld}), Telegram by long polling and
 * Discord with its two shards split between them ({@code DISCORD_SHARDS=0} and {@code 1} of {@code
 * DISCORD_SHARD_TOTAL=2}): only one instance calls {@code getUpdates} at any time (the fake Bot API
 * server never sees two polls at once), each command makes one Ark task and one video; each Discord
 * interaction is acknowledged once and makes one task, whichever shard its server is on; and when
 * the polling instance is killed ({@code kill -9}) the other takes over well within 60 s.
 */
class StandbyPollerAndShardsIT {

  private static final String POLLING = "receives updates by long polling";
  private static final String STANDING_BY = "stands by for long polling";
  private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(60);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path work;

  @Test
  void oneInstancePollsTheOtherTakesOverAndEachShardIsAnsweredOnce() throws Exception {
    try (FakeDiscord discord = FakeDiscord.start();
        ScaleWorld world =
            ScaleWorld.startLongPolling(
                work,
                2,
                Duration.ofMillis(300),
                (i, bot) ->
                    bot.env("DISCORD_BOT_TOKEN", FakeDiscord.TOKEN)
                        .env("DISCORD_API_URL", discord.apiUrl())
                        .env("DISCORD_GATEWAY_URL", discord.gatewayUrl())
                        .env("DISCORD_SHARD_TOTAL", "2")
                        .env("DISCORD_SHARDS", Integer.toString(i)))) {
      // given one instance polling Telegram and the other standing by
      BotCluster bots = world.cluster;
      await(
          world,
          "one poller",
          () -> bots.get(0).log().contains(POLLING) != bots.get(1).log().contains(POLLING));
      int poller = bots.get(0).log().contains(POLLING) ? 0 : 1;
      assertThat(bots.get(1 - poller).log()).contains(STANDING_BY);

      // when Telegram users and Discord users in both servers ask for videos
      for (long chat = 91001; chat <= 91003; chat++) {
        world.chats.say(chat, "/video lp" + chat + " a lantern in the fog");
      }
      SentInteraction inShardOne = video(discord, FakeDiscord.GENERAL_ID, "dc1 a red fox");
      SentInteraction inShardZero = video(discord, FakeDiscord.OTHER_GENERAL_ID, "dc0 an owl");

      // then each Telegram command made one task and one video
      await(world, "three videos", () -> world.telegram.completedCalls("sendVideo").size() >= 3);
      for (long chat = 91001; chat <= 91003; chat++) {
        assertThat(ChaosRig.tasksTagged(world.ark, "lp" + chat)).hasSize(1);
        assertThat(world.chats.videos(chat)).as(world.chats.describe(chat)).hasSize(1);
      }
      // and each interaction was acknowledged once and made one task
      await(
          world,
          "both Discord tasks",
          () ->
              ChaosRig.tasksTagged(world.ark, "dc1").size()
                      + ChaosRig.tasksTagged(world.ark, "dc0").size()
                  >= 2);
      for (SentInteraction sent : List.of(inShardOne, inShardZero)) {
        assertThat(acknowledgements(discord, sent)).as("answers to " + sent.id()).isEqualTo(1);
      }
      assertThat(ChaosRig.tasksTagged(world.ark, "dc1")).hasSize(1);
      assertThat(ChaosRig.tasksTagged(world.ark, "dc0")).hasSize(1);

      // when the poller dies, the other takes over and handles what was sent meanwhile
      bots.kill(poller);
      Instant killed = Instant.now();
      world.chats.say(91004, "/video lp91004 after the poller died");
      PackagedBot standby = bots.get(1 - poller);
      await(world, "the takeover", () -> standby.log().contains(POLLING));
      await(
          world,
          "the command sent meanwhile",
          () -> !ChaosRig.tasksTagged(world.ark, "lp91004").isEmpty());
      Duration takeover = Duration.between(killed, Instant.now());
      System.out.printf("StandbyPollerAndShardsIT: Telegram polling taken over in %s%n", takeover);
      assertThat(takeover).isLessThan(TAKEOVER_LIMIT);
      await(world, "its video", () -> world.chats.videos(91004).size() == 1);

      // and never did two instances poll at once
      assertThat(world.telegram.pollConflicts()).isZero();
      assertThat(ChaosRig.tasksTagged(world.ark, "lp91004")).hasSize(1);
    }
  }

  private static SentInteraction video(FakeDiscord discord, String channel, String prompt) {
    return discord.slash("video").by(FakeDiscord.OWNER).in(channel).string("prompt", prompt).send();
  }

  /** How often the interaction was answered (initial responses through its callback). */
  private static long acknowledgements(FakeDiscord discord, SentInteraction sent) {
    String path = "/api/v10/interactions/" + sent.id() + "/";
    return discord.calls().stream().filter(c -> c.is("POST", path)).count();
  }

  private static void await(ScaleWorld world, String what, BooleanSupplier condition) {
    try {
      Awaitility.await()
          .atMost(TAKEOVER_LIMIT)
          .pollInterval(Duration.ofMillis(100))
          .until(condition::getAsBoolean);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("waited in vain for " + what + world.cluster.tails(), e);
    }
  }
}
