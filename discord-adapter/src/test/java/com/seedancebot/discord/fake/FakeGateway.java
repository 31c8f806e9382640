package com.seedancebot.discord.fake;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway side of the fake: HELLO on connect, READY and GUILD_CREATE after IDENTIFY, heartbeat
 * ACKs, and dispatches ({@code INTERACTION_CREATE}) injected by tests. Every frame received is
 * recorded.
 */
final class FakeGateway extends WebSocketListener {

  private final Supplier<ObjectNode> ready;
  private final Supplier<List<ObjectNode>> guilds;
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private final CountDownLatch identified = new CountDownLatch(1);
  private volatile WebSocket socket;

  FakeGateway(Supplier<ObjectNode> ready, Supplier<List<ObjectNode>> guilds) {
    this.ready = ready;
    this.guilds = guilds;
  }

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
      case 2 -> {
        dispatch("READY", ready.get());
        guilds.get().forEach(g -> dispatch("GUILD_CREATE", g));
        identified.countDown();
      }
      default -> {
        // presence updates and the like: recorded, nothing to answer
      }
    }
  }

  /** Sends an event to the connected client. */
  void dispatch(String type, ObjectNode data) {
    WebSocket current = socket;
    if (current == null) {
      throw new IllegalStateException("no gateway client connected");
    }
    ObjectNode frame = DiscordJson.object();
    frame.put("op", 0);
    frame.put("s", sequence.incrementAndGet());
    frame.put("t", type);
    frame.set("d", data);
    current.send(frame.toString());
  }

  boolean awaitIdentified(long seconds) throws InterruptedException {
    return identified.await(seconds, TimeUnit.SECONDS);
  }

  List<JsonNode> received() {
    return List.copyOf(received);
  }

  void close() {
    WebSocket current = socket;
    if (current != null) {
      current.close(1000, "fake shutting down");
    }
  }
}
