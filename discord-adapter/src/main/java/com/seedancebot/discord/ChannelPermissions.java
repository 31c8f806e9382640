package com.seedancebot.discord;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.interactions.Interaction;

/**
 * Whether the bot may post a video where an interaction happened: view the channel, send messages
 * (in threads: send in threads), attach files and embed links. Checked from JDA's cache before a
 * job is submitted, so the user learns about a missing permission before anything is spent. DMs and
 * guilds the bot is not a member of (user-installed app) always pass.
 */
public final class ChannelPermissions {

  private static final List<Permission> IN_CHANNELS =
      List.of(
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND,
          Permission.MESSAGE_ATTACH_FILES,
          Permission.MESSAGE_EMBED_LINKS);
  private static final List<Permission> IN_THREADS =
      List.of(
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND_IN_THREADS,
          Permission.MESSAGE_ATTACH_FILES,
          Permission.MESSAGE_EMBED_LINKS);

  private ChannelPermissions() {}

  /** The refusal naming the missing permissions, or empty when the bot can deliver here. */
  public static Optional<Rejection> checkDelivery(Interaction interaction) {
    if (!interaction.isFromAttachedGuild()) {
      return Optional.empty();
    }
    GuildChannel channel = interaction.getGuildChannel();
    return missing(interaction.getGuild().getSelfMember(), channel)
        .map(names -> Rejection.of("discord.permissions.missing", names));
  }

  /** The names of the permissions the member lacks to post a video in the channel, if any. */
  public static Optional<String> missing(Member self, GuildChannel channel) {
    List<Permission> needed = channel instanceof ThreadChannel ? IN_THREADS : IN_CHANNELS;
    String names =
        needed.stream()
            .filter(p -> !self.hasPermission(channel, p))
            .map(Permission::getName)
            .collect(Collectors.joining(", "));
    return names.isEmpty() ? Optional.empty() : Optional.of(names);
  }
}
