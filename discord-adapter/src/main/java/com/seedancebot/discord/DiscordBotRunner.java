package com.seedancebot.discord;

import com.seedancebot.core.delivery.ChatCallListener;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the bot's one JDA connection: logs in with the token, points REST at {@code apiUrl} and the
 * gateway at {@code gatewayUrl} (uncompressed, for a proxy or a test fake), asks only for the
 * {@code GUILDS} intent (no privileged intents: interactions need none), and once ready registers
 * the application commands, globally or in the configured guilds. {@link #start} returns while JDA
 * connects in the background; {@link #jda()} is usable from then on. Thread-safe.
 */
public final class DiscordBotRunner implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DiscordBotRunner.class);

  private final DiscordSettings settings;
  private final List<CommandData> commands;
  private final ChatCallListener calls;
  private volatile JDA jda;

  public DiscordBotRunner(DiscordSettings settings, List<CommandData> commands) {
    this(settings, commands, ChatCallListener.NONE);
  }

  /** A runner that tells {@code calls} about every REST exchange with Discord. */
  public DiscordBotRunner(
      DiscordSettings settings, List<CommandData> commands, ChatCallListener calls) {
    this.settings = settings;
    this.commands = List.copyOf(commands);
    this.calls = calls;
  }

  /** Connects with the given event listeners (the interaction listener among them). */
  public synchronized void start(List<?> listeners) {
    if (jda != null) {
      throw new IllegalStateException("already started");
    }
    JDABuilder builder =
        JDABuilder.createLight(settings.token(), EnumSet.noneOf(GatewayIntent.class))
            .setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl().toString()))
            .setHttpClientBuilder(
                new OkHttpClient.Builder().addInterceptor(new DiscordCallMeter(calls)))
            .setEnableShutdownHook(false)
            .addEventListeners(new CommandRegistrar())
            .addEventListeners(listeners.toArray());
    if (settings.gatewayUrl() != null) {
      builder
          .setSessionController(new FixedGatewaySessionController(settings.gatewayUrl().toString()))
          .setCompression(Compression.NONE);
    }
    jda = builder.build();
  }

  /** The connection; throws if {@link #start} was not called. */
  public JDA jda() {
    JDA current = jda;
    if (current == null) {
      throw new IllegalStateException("the Discord connection is not started");
    }
    return current;
  }

  /**
   * Whether interactions can be received now: true only while the JDA gateway is connected ({@code
   * CONNECTED}); false before {@link #start}, while connecting or reconnecting, and after {@link
   * #close}.
   */
  public boolean connected() {
    JDA current = jda;
    return current != null && current.getStatus() == JDA.Status.CONNECTED;
  }

  /** The gateway's state in words for operators, e.g. {@code CONNECTED} or {@code not started}. */
  public String gatewayState() {
    JDA current = jda;
    return current == null ? "not started" : current.getStatus().name();
  }

  /** Waits until the gateway is ready and the guilds are loaded. */
  public void awaitReady() throws InterruptedException {
    jda().awaitReady();
  }

  @Override
  public synchronized void close() {
    JDA current = jda;
    if (current == null) {
      return;
    }
    current.shutdown();
    try {
      if (!current.awaitShutdown(Duration.ofSeconds(10))) {
        current.shutdownNow();
        current.awaitShutdown(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      current.shutdownNow();
    }
    jda = null;
  }

  /** Registers the commands once the gateway is ready (bulk overwrite: idempotent). */
  private final class CommandRegistrar extends ListenerAdapter {
    @Override
    public void onReady(ReadyEvent event) {
      JDA ready = event.getJDA();
      if (settings.guildIds().isEmpty()) {
        ready
            .updateCommands()
            .addCommands(commands)
            .queue(
                done -> log.info("Registered {} global Discord commands", done.size()),
                e ->
                    log.error(
                        "Could not register the Discord commands: {}",
                        DiscordFailures.describe(e)));
        return;
      }
      for (String guildId : settings.guildIds()) {
        Guild guild = ready.getGuildById(guildId);
        if (guild == null) {
          log.warn(
              "Discord guild {} is not among the bot's servers: commands not registered", guildId);
          continue;
        }
        guild
            .updateCommands()
            .addCommands(commands)
            .queue(
                done ->
                    log.info("Registered {} Discord commands in guild {}", done.size(), guildId),
                e ->
                    log.error(
                        "Could not register the commands in guild {}: {}",
                        guildId,
                        DiscordFailures.describe(e)));
      }
    }
  }

  /** The default session controller, but the gateway is ours to choose. */
  private static final class FixedGatewaySessionController extends ConcurrentSessionController {
    private final String gateway;

    FixedGatewaySessionController(String gateway) {
      this.gateway = gateway;
    }

    @Override
    public String getGateway() {
      return gateway;
    }
  }
}
