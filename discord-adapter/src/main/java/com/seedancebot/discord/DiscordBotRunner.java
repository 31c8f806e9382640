package com.seedancebot.discord;

import com.seedancebot.core.delivery.ChatCallListener;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the bot's gateway connections: one JDA shard manager running this instance's shards (see
 * {@link DiscordShards}) with the token, REST at {@code apiUrl} and the gateway at {@code
 * gatewayUrl} (uncompressed, for a proxy or a test fake), the {@code GUILDS} intent only (no
 * privileged intents: interactions need none). Listeners see each interaction once per instance
 * ({@link OncePerInteraction}); once a shard is ready the application commands are registered by
 * {@link CommandRegistrar}. {@link #start} returns while the shards connect in the background.
 * Thread-safe.
 */
public final class DiscordBotRunner implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DiscordBotRunner.class);

  /** The state of a shard that receives its guilds' interactions. */
  public static final String CONNECTED = JDA.Status.CONNECTED.name();

  private final DiscordSettings settings;
  private final List<CommandData> commands;
  private final ChatCallListener calls;
  private final Set<Integer> readyShards = ConcurrentHashMap.newKeySet();
  private volatile CountDownLatch ready;
  private volatile ShardManager manager;

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

  /** Connects this instance's shards with the given event listeners (the interaction listener). */
  public synchronized void start(List<? extends EventListener> listeners) {
    if (manager != null) {
      throw new IllegalStateException("already started");
    }
    DiscordShards shards = settings.shards();
    ready = new CountDownLatch(shards.ids().size());
    readyShards.clear();
    DefaultShardManagerBuilder builder =
        DefaultShardManagerBuilder.createLight(
                settings.token(), EnumSet.noneOf(GatewayIntent.class))
            .setShardsTotal(shards.total())
            .setShards(shards.ids())
            .setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl().toString()))
            .setHttpClientBuilder(
                new OkHttpClient.Builder().addInterceptor(new DiscordCallMeter(calls)))
            .setEnableShutdownHook(false)
            .addEventListeners(new CommandRegistrar(settings, commands), new ReadyCounter())
            .addEventListeners(new OncePerInteraction(listeners));
    if (settings.gatewayUrl() != null) {
      builder
          .setSessionController(new FixedGatewaySessionController(settings.gatewayUrl().toString()))
          .setCompression(Compression.NONE);
    }
    manager = builder.build();
    log.info("Discord: this instance runs shards {}", shards);
  }

  /**
   * The shard that receives this guild's events (DMs: shard 0), for REST calls about its channels.
   *
   * @throws IllegalStateException when not started, when that shard runs on another instance, or
   *     while it is not built yet
   */
  public JDA shardFor(String guildId) {
    ShardManager current = manager;
    if (current == null) {
      throw new IllegalStateException("the Discord connection is not started");
    }
    int id = settings.shards().shardOf(guildId);
    JDA shard = current.getShardById(id);
    if (shard != null) {
      return shard;
    }
    throw new IllegalStateException(
        settings.shards().ids().contains(id)
            ? "Discord shard " + id + " is not connected yet"
            : "Discord shard " + id + " runs on another instance (this one runs " + shards() + ")");
  }

  /** The shards this instance runs. */
  public DiscordShards shards() {
    return settings.shards();
  }

  /**
   * Whether interactions can be received now: true only while every shard of this instance is
   * connected ({@code CONNECTED}); false before {@link #start}, while one connects or reconnects,
   * and after {@link #close}.
   */
  public boolean connected() {
    return shardStates().values().stream().allMatch(CONNECTED::equals);
  }

  /**
   * Each of this instance's shards with its gateway state in words for operators, e.g. {@code
   * CONNECTED}, {@code QUEUED} (waiting for its turn to identify) or {@code not started}.
   */
  public SortedMap<Integer, String> shardStates() {
    ShardManager current = manager;
    SortedMap<Integer, String> states = new TreeMap<>();
    for (int id : settings.shards().ids()) {
      JDA shard = current == null ? null : current.getShardById(id);
      states.put(
          id,
          current == null ? "not started" : shard == null ? "QUEUED" : shard.getStatus().name());
    }
    return states;
  }

  /**
   * Waits until every shard of this instance is ready (its guilds loaded) and connected; false when
   * some shard was not ready within the timeout.
   */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    CountDownLatch latch = ready;
    ShardManager current = manager;
    if (latch == null || current == null) {
      throw new IllegalStateException("the Discord connection is not started");
    }
    if (!latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return false;
    }
    for (JDA shard : current.getShards()) {
      shard.awaitReady(); // READY fired: CONNECTED follows at once
    }
    return true;
  }

  @Override
  public synchronized void close() {
    ShardManager current = manager;
    if (current == null) {
      return;
    }
    current.getShards().forEach(JDA::shutdown);
    current.shutdown();
    try {
      for (JDA shard : current.getShards()) {
        if (!shard.awaitShutdown(Duration.ofSeconds(10))) {
          shard.shutdownNow();
          shard.awaitShutdown(5, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      current.getShards().forEach(JDA::shutdownNow);
    }
    manager = null;
  }

  /** Counts each shard's first READY for {@link #awaitReady}. */
  private final class ReadyCounter extends ListenerAdapter {
    @Override
    public void onReady(ReadyEvent event) {
      CountDownLatch latch = ready;
      if (readyShards.add(event.getJDA().getShardInfo().getShardId()) && latch != null) {
        latch.countDown();
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

    /** Discord's shard total and identify concurrency (GET /gateway/bot), at our gateway. */
    @Override
    public ShardedGateway getShardedGateway(JDA api) {
      ShardedGateway discord = super.getShardedGateway(api);
      return new ShardedGateway(gateway, discord.getShardTotal(), discord.getConcurrency());
    }
  }
}
