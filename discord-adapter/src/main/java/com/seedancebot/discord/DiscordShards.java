package com.seedancebot.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The Discord gateway shards this instance runs, out of how many the bot has. Discord sends a
 * guild's events (its interactions among them) only to shard {@code (guild_id >> 22) % total}, and
 * direct messages only to shard 0; so an instance serves exactly the guilds of its shards, plus DMs
 * when it runs shard 0. Every shard of {@code 0..total-1} must run on exactly one instance.
 * Immutable; the constructor rejects an empty list, duplicates and ids outside {@code 0..total-1}.
 *
 * @param ids this instance's shard ids, ascending
 * @param total the bot's number of shards, the same on every instance
 */
public record DiscordShards(List<Integer> ids, int total) {

  /** The default: one instance, one shard. */
  public static final DiscordShards SINGLE = new DiscordShards(List.of(0), 1);

  private static final Pattern RANGE = Pattern.compile("(\\d{1,5})(?:\\s*-\\s*(\\d{1,5}))?");

  public DiscordShards {
    if (total < 1) {
      throw new IllegalArgumentException(
          "DISCORD_SHARD_TOTAL must be at least 1, got " + total + ".");
    }
    if (ids == null || ids.isEmpty()) {
      throw new IllegalArgumentException("DISCORD_SHARDS lists no shard: name at least one.");
    }
    TreeSet<Integer> sorted = new TreeSet<>();
    for (int id : ids) {
      if (id < 0 || id >= total) {
        throw new IllegalArgumentException(
            "DISCORD_SHARDS lists shard "
                + id
                + ", but DISCORD_SHARD_TOTAL is "
                + total
                + ": shard ids run from 0 to "
                + (total - 1)
                + ".");
      }
      if (!sorted.add(id)) {
        throw new IllegalArgumentException("DISCORD_SHARDS lists shard " + id + " twice.");
      }
    }
    ids = List.copyOf(sorted);
  }

  /**
   * Reads the operator's settings: {@code shards} is a comma-separated list of ids and ranges
   * ({@code 0,1}, {@code 0-3}, {@code 0-1,4}); blank means every shard of {@code total}. Without
   * {@code total} the bot has one shard, and a list of shards is refused (it needs the total).
   *
   * @throws IllegalArgumentException naming the setting and what is wrong with it
   */
  public static DiscordShards parse(String shards, Integer total) {
    boolean noList = shards == null || shards.isBlank();
    if (total == null) {
      if (noList) {
        return SINGLE;
      }
      throw new IllegalArgumentException(
          "DISCORD_SHARDS is set ("
              + shards.strip()
              + ") but DISCORD_SHARD_TOTAL is not: set it to the bot's number of shards, the same"
              + " on every instance.");
    }
    if (noList) {
      return all(total);
    }
    return new DiscordShards(ids(shards), total);
  }

  private static List<Integer> ids(String shards) {
    List<Integer> ids = new ArrayList<>();
    for (String part : shards.split(",")) {
      String item = part.strip();
      Matcher range = RANGE.matcher(item);
      if (range.matches()) {
        int from = Integer.parseInt(range.group(1));
        int to = range.group(2) == null ? from : Integer.parseInt(range.group(2));
        if (to < from) {
          throw new IllegalArgumentException(
              "DISCORD_SHARDS has the range " + item + ", which ends before it starts.");
        }
        IntStream.rangeClosed(from, to).forEach(ids::add);
      } else if (!item.isEmpty()) {
        throw new IllegalArgumentException(
            "DISCORD_SHARDS has \""
                + item
                + "\", which is neither a shard id nor a range: write e.g. 0,1 or 0-3.");
      }
    }
    return ids;
  }

  /** Every shard of {@code total} on this one instance. */
  public static DiscordShards all(int total) {
    if (total < 1) {
      throw new IllegalArgumentException(
          "DISCORD_SHARD_TOTAL must be at least 1, got " + total + ".");
    }
    return new DiscordShards(IntStream.range(0, total).boxed().toList(), total);
  }

  /** The shard Discord sends this guild's events to; DMs ({@code null} guild) go to shard 0. */
  public int shardOf(String guildId) {
    if (guildId == null) {
      return 0;
    }
    return (int) ((Long.parseUnsignedLong(guildId) >>> 22) % total);
  }

  /** Whether this instance runs the shard of this guild (or of DMs, for a {@code null} guild). */
  public boolean serves(String guildId) {
    return ids.contains(shardOf(guildId));
  }

  @Override
  public String toString() {
    return ids + " of " + total;
  }
}
