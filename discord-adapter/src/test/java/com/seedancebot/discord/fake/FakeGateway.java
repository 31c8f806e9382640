package com.seedancebot.discord.fake;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway side of the fake, sharded like Discord's: each WebSocket connection is one {@link
 * Session} that gets HELLO on connect and, after IDENTIFY with {@code shard: [id, total]} (absent =
 * {@code [0, 1]}), READY and GUILD_CREATE for the guilds of that shard only ({@code (guild_id >>
 * 22) % total == id}); an invalid shard is closed with 4010 as Discord does. Heartbeats are ACKed.
 * Dispatches injected by tests go to the session of the shard that owns the guild (DMs: shard 0).
 * Every frame received is recorded.
 */
final class FakeGateway {

  /** The world as seen by one shard: its READY payload and its guilds' GUILD_CREATE payloads. */
  interface World {
    ObjectNode ready(int shard, int total);

    List<ObjectNode> guilds(int shard, int total);
  }

  private final World world;
  private final List<Session> sessions = new CopyOnWriteArrayList<>();
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger identifies = new AtomicInteger();
  private final CountDownLatch identified = new CountDownLatch(1);

  FakeGateway(World world) {
    this.world = world;
  }

  /** A listener for one new WebSocket connection. */
  WebSocketListener connect() {
    Session session = new Session();
    sessions.add(session);
    return session;
  }

  /**
   * Sends an event to the shard that owns {@code guildId} (DMs: {@code null} → shard 0), as Discord
   * routes guild events.
   *
   * @throws IllegalStateException when no client identified as that shard is connected
   */
  void dispatch(String guildId, String type, ObjectNode data) {
    boolean sent = false;
    for (Session session : sessions) {
      if (session.owns(guildId)) {
        session.dispatch(type, data);
        sent = true;
      }
    }
    if (!sent) {
      throw new IllegalStateException("no gateway client connected for guild " + guildId);
    }
  }

  boolean awaitIdentified(long seconds) throws InterruptedException {
    return identified.await(seconds, TimeUnit.SECONDS);
  }

  int identifies() {
    return identifies.get();
  }

  List<JsonNode> received() {
    return List.copyOf(received);
  }

  void close() {
    sessions.forEach(Session::close);
  }

  /** One client connection: one shard once identified. */
  private final class Session extends WebSocketListener {
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile WebSocket socket;
    private volatile int shard = -1;
    private volatile int total;

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      socket = webSocket;
      ObjectNode hello = DiscordJson.object();
      hello.put("op", 10);
      hello.putNull("s");
      hello.putNull("t");
      hello.putObject("d").put("heartbeat_interval", 41250);
      webSocket.send(hello.toString());
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      JsonNode frame = DiscordJson.parse(text);
      received.add(frame);
      switch (frame.path("op").asInt()) {
        case 1 -> {
          ObjectNode ack = DiscordJson.object();
          ack.put("op", 11);
          webSocket.send(ack.toString());
        }
        case 2 -> identify(webSocket, frame.path("d").path("shard"));
        default -> {
          // presence updates and the like: recorded, nothing to answer
        }
      }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      sessions.remove(this);
      webSocket.close(code, null);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      sessions.remove(this);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      sessions.remove(this);
    }

    private void identify(WebSocket webSocket, JsonNode shardField) {
      int id = shardField.isArray() ? shardField.get(0).asInt() : 0;
      int count = shardField.isArray() ? shardField.get(1).asInt() : 1;
      if (count < 1 || id < 0 || id >= count) {
        webSocket.close(4010, "Invalid shard.");
        return;
      }
      total = count;
      shard = id;
      identifies.incrementAndGet();
      dispatch("READY", world.ready(id, count));
      world.guilds(id, count).forEach(g -> dispatch("GUILD_CREATE", g));
      identified.countDown();
    }

    boolean owns(String guildId) {
      int count = total;
      return shard >= 0 && shard == shardOf(guildId, count);
    }

    void dispatch(String type, ObjectNode data) {
      ObjectNode frame = DiscordJson.object();
      frame.put("op", 0);
      frame.put("s", sequence.incrementAndGet());
      frame.put("t", type);
      frame.set("d", data);
      socket.send(frame.toString());
    }

    void close() {
      WebSocket current = socket;
      if (current != null) {
        current.close(1000, "fake shutting down");
      }
    }
  }

  /** Discord's routing rule: a guild's shard among {@code total}; DMs ({@code null}) are 0's. */
  static int shardOf(String guildId, int total) {
    return guildId == null ? 0 : (int) ((Long.parseUnsignedLong(guildId) >>> 22) % total);
  }
}
