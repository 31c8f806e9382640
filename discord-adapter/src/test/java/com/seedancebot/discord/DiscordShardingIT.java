package com.seedancebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.ChatRequest;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.discord.fake.FakeDiscord;
import com.seedancebot.discord.fake.FakeDiscord.SentInteraction;
import com.seedancebot.discord.fake.RecordedCall;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The bot's shards split over in-process instances on one sharded fake Discord: each interaction
 * reaches only the instance running its guild's shard and is answered exactly once, by it. ({@link
 * FakeDiscord#GUILD_ID} is on shard 1 of 2, {@link FakeDiscord#OTHER_GUILD_ID} and DMs on shard 0.)
 */
class DiscordShardingIT {

  private static final DiscordShards FIRST_OF_TWO = new DiscordShards(List.of(0), 2);
  private static final DiscordShards SECOND_OF_TWO = new DiscordShards(List.of(1), 2);

  @Test
  void two_instances_each_answer_the_interactions_of_their_own_shard_once() throws Exception {
    try (FakeDiscord fake = FakeDiscord.start();
        DiscordHarness first = DiscordHarness.instance(fake, FIRST_OF_TWO);
        DiscordHarness second = DiscordHarness.instance(fake, SECOND_OF_TWO)) {
      // each instance identified as its own shard of two
      assertThat(identifiedShards(fake)).containsExactlyInAnyOrder("[0,2]", "[1,2]");

      // when users run /video in both guilds and in a DM
      SentInteraction inGuild = video(fake, FakeDiscord.GENERAL_ID, "a fox");
      SentInteraction inOther = video(fake, FakeDiscord.OTHER_GENERAL_ID, "an owl");
      SentInteraction inDm = fake.slash("video").inDm().string("prompt", "a cat").send();

      // then the instance running the guild's shard (DMs: shard 0) hands each to its core
      ChatRequest a = first.inbox.awaitCommand();
      ChatRequest b = first.inbox.awaitCommand();
      ChatRequest c = second.inbox.awaitCommand();
      assertThat(List.of(a.messageId(), b.messageId()))
          .containsExactlyInAnyOrder(inOther.id(), inDm.id());
      assertThat(c.messageId()).isEqualTo(inGuild.id());
      assertThat(c.chat().serverId()).isEqualTo(FakeDiscord.GUILD_ID);

      // and each interaction was acknowledged exactly once, in time
      for (SentInteraction sent : List.of(inGuild, inOther, inDm)) {
        assertThat(callbacks(fake, sent)).hasSize(1);
        assertThat(fake.ackDelay(sent.id())).isNotNull();
      }
      assertThat(first.inbox.isEmpty()).isTrue();
      assertThat(second.inbox.isEmpty()).isTrue();

      // each guild's commands were registered once, by the instance serving it
      assertThat(commandRegistrations(fake, FakeDiscord.GUILD_ID)).isEqualTo(1);
      assertThat(commandRegistrations(fake, FakeDiscord.OTHER_GUILD_ID)).isEqualTo(1);

      // and each chat port claims only the chats of its shards, so the core posts from there
      ChatRef guildChat = chat(FakeDiscord.GENERAL_ID, FakeDiscord.GUILD_ID);
      ChatRef otherChat = chat(FakeDiscord.OTHER_GENERAL_ID, FakeDiscord.OTHER_GUILD_ID);
      ChatRef dm = chat(FakeDiscord.DM_ID, null);
      assertThat(first.port.reaches(otherChat)).isTrue();
      assertThat(first.port.reaches(dm)).isTrue();
      assertThat(first.port.reaches(guildChat)).isFalse();
      assertThat(second.port.reaches(guildChat)).isTrue();
      assertThat(second.port.reaches(otherChat)).isFalse();
      assertThat(second.port.reaches(dm)).isFalse();
    }
  }

  @Test
  void one_instance_running_both_shards_answers_every_guild() throws Exception {
    try (FakeDiscord fake = FakeDiscord.start()) {
      fake.recommendShards(2, 2);
      try (DiscordHarness both = DiscordHarness.instance(fake, DiscordShards.all(2))) {
        assertThat(identifiedShards(fake)).containsExactlyInAnyOrder("[0,2]", "[1,2]");
        assertThat(both.runner.shardStates())
            .isEqualTo(new TreeMap<>(Map.of(0, "CONNECTED", 1, "CONNECTED")));

        SentInteraction inGuild = video(fake, FakeDiscord.GENERAL_ID, "a fox");
        SentInteraction inOther = video(fake, FakeDiscord.OTHER_GENERAL_ID, "an owl");

        List<String> handled =
            List.of(both.inbox.awaitCommand().messageId(), both.inbox.awaitCommand().messageId());
        assertThat(handled).containsExactlyInAnyOrder(inGuild.id(), inOther.id());
        assertThat(callbacks(fake, inGuild)).hasSize(1);
        assertThat(callbacks(fake, inOther)).hasSize(1);
        assertThat(both.port.reaches(chat(FakeDiscord.GENERAL_ID, FakeDiscord.GUILD_ID))).isTrue();
      }
    }
  }

  @Test
  void an_interaction_delivered_twice_is_answered_once() throws Exception {
    try (DiscordHarness h = new DiscordHarness()) {
      // given an interaction the bot answered
      SentInteraction sent = video(h.fake, FakeDiscord.GENERAL_ID, "a fox");
      assertThat(h.inbox.awaitCommand().messageId()).isEqualTo(sent.id());

      // when the gateway delivers it again (a resumed session replays), then another one
      h.fake.replay(sent);
      SentInteraction next = video(h.fake, FakeDiscord.GENERAL_ID, "an owl");

      // then the next one is handled (the replay before it was seen), the replay was not
      assertThat(h.inbox.awaitCommand().messageId()).isEqualTo(next.id());
      assertThat(h.inbox.isEmpty()).isTrue();
      assertThat(callbacks(h.fake, sent)).hasSize(1);
      assertThat(callbacks(h.fake, next)).hasSize(1);
    }
  }

  private static SentInteraction video(FakeDiscord fake, String channelId, String prompt) {
    return fake.slash("video").by(FakeDiscord.OWNER).in(channelId).string("prompt", prompt).send();
  }

  private static ChatRef chat(String channelId, String guildId) {
    return new ChatRef(Platform.DISCORD, channelId, null, guildId);
  }

  /** The acknowledgements of the interaction, once the first arrived. */
  private static List<RecordedCall> callbacks(FakeDiscord fake, SentInteraction sent)
      throws InterruptedException {
    String path = "/api/v10/interactions/" + sent.id() + "/";
    fake.awaitCall("the acknowledgement of " + sent.id(), c -> c.is("POST", path));
    return fake.calls().stream().filter(c -> c.is("POST", path)).toList();
  }

  private static long commandRegistrations(FakeDiscord fake, String guildId) throws Exception {
    fake.awaitCall(
        "the commands of guild " + guildId, c -> c.path().contains(guildId + "/commands"));
    return fake.calls().stream()
        .filter(c -> c.is("PUT", "/api/v10/applications/"))
        .filter(c -> c.path().contains("/guilds/" + guildId + "/commands"))
        .count();
  }

  private static List<String> identifiedShards(FakeDiscord fake) {
    return fake.gatewayFrames().stream()
        .filter(f -> f.path("op").asInt() == 2)
        .map(f -> f.path("d").path("shard"))
        .map(JsonNode::toString)
        .toList();
  }
}
