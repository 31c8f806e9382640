package com.seedancebot.discord;

import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.discord.fake.FakeDiscord;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.interactions.InteractionHook;

/**
 * The adapter wired as the application wires it, against a {@link FakeDiscord}: real JDA over
 * loopback, a controlled clock, a recording core double on the inbound side.
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

  DiscordHarness() throws Exception {
    this(port -> null);
  }

  /**
   * @param core builds the core behind the adapter from its chat port; null = the recording double
   */
  DiscordHarness(
      java.util.function.Function<DiscordChatPort, com.seedancebot.core.chat.BotInbox> core)
      throws Exception {
    fake = FakeDiscord.start();
    DiscordSettings settings =
        DiscordSettings.of(
                FakeDiscord.TOKEN, URI.create(fake.apiUrl()), URI.create(fake.gatewayUrl()))
            .withGuildIds(List.of(FakeDiscord.GUILD_ID));
    runner =
        new DiscordBotRunner(
            settings,
            new DiscordCommands(messages).all(),
            (platform, route, outcome) -> restCalls.add(route + " " + outcome));
    port = new DiscordChatPort(runner::jda, registry, messages, settings);
    com.seedancebot.core.chat.BotInbox built = core.apply(port);
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
    runner.awaitReady();
  }

  @Override
  public void close() throws Exception {
    runner.close();
    executor.shutdownNow();
    executor.awaitTermination(5, TimeUnit.SECONDS);
    fake.close();
  }
}
