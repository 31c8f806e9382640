package com.seedancebot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the operator's DISCORD_SHARDS / DISCORD_SHARD_TOTAL mean, and what they refuse. */
class DiscordShardsTest {

  @Test
  void without_settings_the_bot_runs_its_one_shard() {
    assertThat(DiscordShards.parse(null, null)).isEqualTo(new DiscordShards(List.of(0), 1));
    assertThat(DiscordShards.parse("  ", null)).isEqualTo(DiscordShards.SINGLE);
  }

  @Test
  void lists_and_ranges_name_this_instances_shards() {
    assertThat(DiscordShards.parse("0,1", 4).ids()).containsExactly(0, 1);
    assertThat(DiscordShards.parse("0-3", 4).ids()).containsExactly(0, 1, 2, 3);
    assertThat(DiscordShards.parse(" 3, 0 - 1 ", 4).ids()).containsExactly(0, 1, 3);
    assertThat(DiscordShards.parse("", 4).ids()).containsExactly(0, 1, 2, 3);
  }

  @Test
  void a_guild_belongs_to_the_shard_discord_sends_its_events_to_and_dms_to_shard_0() {
    DiscordShards second = DiscordShards.parse("1", 2);

    // (1200000000000000001 >> 22) % 2 == 1; (1200000000004194305 >> 22) % 2 == 0
    assertThat(second.shardOf("1200000000000000001")).isEqualTo(1);
    assertThat(second.shardOf("1200000000004194305")).isEqualTo(0);
    assertThat(second.shardOf(null)).isZero();
    assertThat(second.serves("1200000000000000001")).isTrue();
    assertThat(second.serves("1200000000004194305")).isFalse();
    assertThat(second.serves(null)).isFalse();
  }

  @Test
  void wrong_settings_are_refused_with_what_to_change() {
    assertThatThrownBy(() -> DiscordShards.parse("2", 2))
        .hasMessage(
            "DISCORD_SHARDS lists shard 2, but DISCORD_SHARD_TOTAL is 2: shard ids run from 0 to"
                + " 1.");
    assertThatThrownBy(() -> DiscordShards.parse(",", 2))
        .hasMessage("DISCORD_SHARDS lists no shard: name at least one.");
    assertThatThrownBy(() -> DiscordShards.parse("1,0-1", 2))
        .hasMessage("DISCORD_SHARDS lists shard 1 twice.");
    assertThatThrownBy(() -> DiscordShards.parse("3-1", 4))
        .hasMessage("DISCORD_SHARDS has the range 3-1, which ends before it starts.");
    assertThatThrownBy(() -> DiscordShards.parse("first", 4))
        .hasMessage(
            "DISCORD_SHARDS has \"first\", which is neither a shard id nor a range: write e.g. 0,1"
                + " or 0-3.");
    assertThatThrownBy(() -> DiscordShards.parse("0,1", null))
        .hasMessageStartingWith("DISCORD_SHARDS is set (0,1) but DISCORD_SHARD_TOTAL is not");
    assertThatThrownBy(() -> DiscordShards.parse(null, 0))
        .hasMessage("DISCORD_SHARD_TOTAL must be at least 1, got 0.");
  }
}
