package com.seedancebot.discord;

import com.seedancebot.core.chat.BotInbox;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.discord.fake.FakeDiscord;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import net.dv8tion.jda.api.interactions.InteractionHook;

/**
 * The adapter wired as the application wires it, against a {@link FakeDiscord}: real JDA over
 * loopback, a controlled clock, a recording core double on the inbound side. One harness is one bot
 * instance; several may share one fake ({@link #instance}), each running its own shards.
 */
final class DiscordHarness implements AutoCloseable {

  final FakeDiscord fake;
  final MutableClock clock = new MutableClock(Instant.parse("2026-05-14T10:00:00Z"));
  final RecordingInbox inbox = new RecordingInbox();
  final Messages messages = new Messages();
  final InteractionRegistry<InteractionHook> registry = new InteractionRegistry<>(clock);
  final ExecutorService executor =
      Executors.newFixedThreadPool(2, r -> new Thread(r, "core-" + r.hashCode()));

  /** Every REST call JDA made, as {@code "<route> <outcome>"}. */
  final List<String> restCalls = new java.util.concurrent.CopyOnWriteArrayList<>();

  final DiscordBotRunner runner;
  final DiscordChatPort port;
  private final boolean ownsFake;

  DiscordHarness() throws Exception {
    this(port -> null);
  }

  /**
   * @param core builds the core behind the adapter from its chat port; null = the recording double
   */
  DiscordHarness(Function<DiscordChatPort, BotInbox> core) throws Exception {
    this(FakeDiscord.start(), true, DiscordShards.SINGLE, List.of(FakeDiscord.GUILD_ID), core);
  }

  /**
   * One more bot instance on a shared fake, running {@code shards}, with commands in both of the
   * fake's guilds; closing it leaves the fake running.
   */
  static DiscordHarness instance(FakeDiscord fake, DiscordShards shards) throws Exception {
    return new DiscordHarness(
        fake,
        false,
        shards,
        List.of(FakeDiscord.GUILD_ID, FakeDiscord.OTHER_GUILD_ID),
        port -> null);
  }

  private DiscordHarness(
      FakeDiscord fake,
      boolean ownsFake,
      DiscordShards shards,
      List<String> guildIds,
      Function<DiscordChatPort, BotInbox> core)
      throws Exception {
    this.fake = fake;
    this.ownsFake = ownsFake;
    DiscordSettings settings =
        DiscordSettings.of(
                FakeDiscord.TOKEN, URI.create(fake.apiUrl()), URI.create(fake.gatewayUrl()))
            .withGuildIds(guildIds)
            .withShards(shards);
    runner =
        new DiscordBotRunner(
            settings,
            new DiscordCommands(messages).all(),
            (platform, route, outcome) -> restCalls.add(route + " " + outcome));
    port = new DiscordChatPort(runner::shardFor, registry, messages, settings);
    BotInbox built = core.apply(port);
    DiscordCommandReader reader =
        new DiscordCommandReader(messages, new AttachmentRules(settings.attachmentLimits()));
    SlashCommandListener listener =
        new SlashCommandListener(
            built == null ? inbox : built,
            reader,
            registry,
            new ModelChoices(ModelCatalog.standard(), Set.of()),
            messages,
            executor);
    runner.start(List.of(listener));
    if (!runner.awaitReady(Duration.ofSeconds(30))) {
      close();
      throw new AssertionError("the bot's shards never became ready: " + runner.shardStates());
    }
  }

  @Override
  public void close() throws Exception {
    runner.close();
    executor.shutdownNow();
    executor.awaitTermination(5, TimeUnit.SECONDS);
    if (ownsFake) {
      fake.close();
    }
  }
}
