package com.seedancebot.discord;

import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the application commands when a shard is ready, by bulk overwrite (idempotent): in each
 * configured guild by the shard that serves it, or globally by shard 0 alone, so that several
 * instances or shards never register the same commands more than once per start. Thread-safe.
 */
final class CommandRegistrar extends ListenerAdapter {

  private static final Logger log = LoggerFactory.getLogger(CommandRegistrar.class);

  private final DiscordSettings settings;
  private final List<CommandData> commands;

  CommandRegistrar(DiscordSettings settings, List<CommandData> commands) {
    this.settings = settings;
    this.commands = List.copyOf(commands);
  }

  @Override
  public void onReady(ReadyEvent event) {
    JDA ready = event.getJDA();
    int shard = ready.getShardInfo().getShardId();
    if (settings.guildIds().isEmpty()) {
      if (shard == 0) {
        registerGlobally(ready);
      }
      return;
    }
    for (String guildId : settings.guildIds()) {
      if (settings.shards().shardOf(guildId) == shard) {
        registerIn(ready, guildId);
      }
    }
  }

  private void registerGlobally(JDA ready) {
    ready
        .updateCommands()
        .addCommands(commands)
        .queue(
            done -> log.info("Registered {} global Discord commands", done.size()),
            e ->
                log.error(
                    "Could not register the Discord commands: {}", DiscordFailures.describe(e)));
  }

  private void registerIn(JDA ready, String guildId) {
    Guild guild = ready.getGuildById(guildId);
    if (guild == null) {
      log.warn("Discord guild {} is not among the bot's servers: commands not registered", guildId);
      return;
    }
    guild
        .updateCommands()
        .addCommands(commands)
        .queue(
            done -> log.info("Registered {} Discord commands in guild {}", done.size(), guildId),
            e ->
                log.error(
                    "Could not register the commands in guild {}: {}",
                    guildId,
                    DiscordFailures.describe(e)));
  }
}
