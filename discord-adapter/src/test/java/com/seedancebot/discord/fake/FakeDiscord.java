package com.seedancebot.discord.fake;

import com.seedancebot.discord.fake.RecordedCall.UploadedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MultipartReader;
import okio.Buffer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local Discord: the REST API v10 under {@code /api/v10/}, the gateway WebSocket under {@code
 * /gateway}, and a CDN for attachments under {@code /attachments/}, all on one loopback port. It
 * knows one guild (boost tier settable) with a text channel, a thread in it, a channel where
 * {@code @everyone} may not attach files, an admin role with Manage Server, the bot and three
 * users; and a second guild, {@link #OTHER_GUILD_ID}, with one text channel, on the other shard
 * when the bot has two. The gateway is sharded like Discord's (see {@link FakeGateway}): each shard
 * sees only its guilds' events, DMs go to shard 0, and {@code GET /gateway/bot} recommends {@link
 * #recommendShards} shards. Interactions are injected by tests through {@link #interaction}; every
 * HTTP request and gateway frame is recorded. Faithful where the adapter depends on it:
 * interactions must be acknowledged within 3 s and only once, interaction tokens die after 15
 * minutes, webhook messages cannot be edited through the channel API, missing permissions answer
 * 403 {@code 50013}.
 */
public final class FakeDiscord implements AutoCloseable {

  public static final String TOKEN =
      "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfAkE1.fake-bot-token-0123456789abcdef";
  public static final String BOT_ID = "1100000000000000001";
  public static final String GUILD_ID = "1200000000000000001";
  public static final String GENERAL_ID = "1300000000000000001";
  public static final String THREAD_ID = "1300000000000000002";
  public static final String NO_FILES_ID = "1300000000000000003";
  public static final String ADMIN_ROLE_ID = "1400000000000000001";
  public static final String DM_ID = "1300000000000000009";

  /** A second guild: on shard 0 of 2 ({@link #GUILD_ID} is on shard 1 of 2). */
  public static final String OTHER_GUILD_ID = "1200000000004194305";

  public static final String OTHER_GENERAL_ID = "1300000000000000011";

  public static final Actor OWNER = new Actor("1500000000000000001", "owner", false);
  public static final Actor STRANGER = new Actor("1500000000000000002", "stranger", false);
  public static final Actor ADMIN = new Actor("1500000000000000003", "admin", true);

  /** A user who interacts; {@code admin} members have the Manage Server role. */
  public record Actor(String id, String name, boolean admin) {}

  /** An interaction the fake sent through the gateway. */
  public record SentInteraction(String id, String token) {}

  /** A file the fake's CDN serves, as a resolved attachment. */
  public record CdnFile(String id, String fileName, String contentType, long size, String url) {}

  private static final Duration ACK_WINDOW = Duration.ofSeconds(3);
  private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
  private static final Pattern CALLBACK =
      Pattern.compile("/api/v10/interactions/(\\d+)/([^/]+)/callback.*");
  private static final Pattern WEBHOOK =
      Pattern.compile("/api/v10/webhooks/(\\d+)/([^/?]+)(?:/messages/([^/?]+))?.*");
  private static final Pattern CHANNEL_MESSAGES =
      Pattern.compile("/api/v10/channels/(\\d+)/messages(?:/(\\d+))?.*");

  private final MockWebServer server = new MockWebServer();
  private final FakeGateway gateway =
      new FakeGateway(
          new FakeGateway.World() {
            @Override
            public ObjectNode ready(int shard, int total) {
              return FakeDiscord.this.ready(shard, total);
            }

            @Override
            public List<ObjectNode> guilds(int shard, int total) {
              return allGuilds().stream()
                  .filter(g -> FakeGateway.shardOf(g.get("id").asString(), total) == shard)
                  .toList();
            }
          });
  private final List<RecordedCall> calls = new ArrayList<>();
  private final Map<String, Interaction> interactions = new ConcurrentHashMap<>();
  private final Map<String, StoredMessage> messages = new ConcurrentHashMap<>();
  private final Map<String, byte[]> cdn = new ConcurrentHashMap<>();
  private final Set<String> forbiddenChannels = ConcurrentHashMap.newKeySet();
  private volatile int premiumTier;
  private volatile int recommendedShards = 1;
  private volatile int maxConcurrency = 1;

  private static final class Interaction {
    final long createdNanos = System.nanoTime();
    final ObjectNode payload;
    volatile Long ackNanos;
    volatile String originalMessageId;
    volatile boolean ephemeral;

    Interaction(ObjectNode payload) {
      this.payload = payload;
    }
  }

  private record StoredMessage(String channelId, boolean webhook, ObjectNode json) {}

  private FakeDiscord() {}

  /** Starts the fake on a free loopback port. */
  public static FakeDiscord start() throws IOException {
    FakeDiscord fake = new FakeDiscord();
    fake.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return fake.handle(request);
          }
        });
    fake.server.start();
    return fake;
  }

  public String apiUrl() {
    return server.url("/api/v10/").toString();
  }

  public String gatewayUrl() {
    return "ws://" + server.getHostName() + ":" + server.getPort() + "/gateway";
  }

  /** The guild's boost tier (0–3), which sets its upload limit; takes effect on the next login. */
  public void premiumTier(int tier) {
    premiumTier = tier;
  }

  /**
   * What {@code GET /gateway/bot} answers: the recommended shard count and how many shards may
   * identify at once ({@code max_concurrency}; Discord grants more than 1 only to large bots, and
   * with 1 a client waits 5 s between its shards' IDENTIFYs).
   */
  public void recommendShards(int shards, int concurrency) {
    recommendedShards = shards;
    maxConcurrency = concurrency;
  }

  /** How many IDENTIFYs the gateway accepted (one per shard session). */
  public int identifies() {
    return gateway.identifies();
  }

  /**
   * Delivers an interaction that was sent before once more, as a gateway replays events on a
   * resumed session; the interaction (id, token, acknowledgement) stays the same.
   */
  public void replay(SentInteraction sent) {
    Interaction interaction = interactions.get(sent.id());
    if (interaction == null) {
      throw new IllegalArgumentException("no such interaction: " + sent.id());
    }
    gateway.dispatch(guildOf(interaction.payload), "INTERACTION_CREATE", interaction.payload);
  }

  /** Makes every message post in the channel fail with 403 Missing Permissions (50013). */
  public void forbidPosting(String channelId) {
    forbiddenChannels.add(channelId);
  }

  /** Undoes {@link #forbidPosting}. */
  public void allowPosting(String channelId) {
    forbiddenChannels.remove(channelId);
  }

  public boolean awaitIdentified(Duration timeout) throws InterruptedException {
    return gateway.awaitIdentified(timeout.toSeconds());
  }

  /** Gateway frames the client sent. */
  public List<JsonNode> gatewayFrames() {
    return gateway.received();
  }

  /** Serves a file on the CDN; {@code declaredSize} is what the attachment metadata claims. */
  public CdnFile cdnFile(String fileName, String contentType, byte[] bytes, long declaredSize) {
    String id = Snowflakes.next();
    String path = "/attachments/" + GENERAL_ID + "/" + id + "/" + fileName;
    cdn.put(path, bytes);
    String url =
        server.url(path).toString() + "?ex=6a1b2c3d&is=6a1a0000&hm=signedcdnhash0123456789abcdef";
    return new CdnFile(id, fileName, contentType, declaredSize, url);
  }

  public CdnFile cdnFile(String fileName, String contentType, byte[] bytes) {
    return cdnFile(fileName, contentType, bytes, bytes.length);
  }

  /** Starts building an interaction of a type (2 command, 3 component, 4 autocomplete). */
  public InteractionBuilder interaction(int type, ObjectNode data) {
    return new InteractionBuilder(this, type, data);
  }

  /** {@code /name} with options. */
  public InteractionBuilder slash(String name) {
    return interaction(2, InteractionBuilder.slashData(name));
  }

  /** Autocomplete of {@code option} of {@code /command} while the user typed {@code typed}. */
  public InteractionBuilder autocomplete(String command, String option, String typed) {
    ObjectNode data = InteractionBuilder.slashData(command);
    ObjectNode focused = ((ArrayNode) data.get("options")).addObject();
    focused.put("name", option);
    focused.put("type", 3);
    focused.put("value", typed);
    focused.put("focused", true);
    return interaction(4, data);
  }

  /** A press on the button {@code customId} under the bot's message {@code messageId}. */
  public InteractionBuilder button(String customId, String messageId) {
    ObjectNode data = DiscordJson.object();
    data.put("custom_id", customId);
    data.put("component_type", 2);
    StoredMessage stored = messages.get(messageId);
    ObjectNode message;
    if (stored != null) {
      message = stored.json().deepCopy();
    } else {
      message = DiscordJson.object();
      message.put("id", messageId);
      message.put("flags", 0);
    }
    return interaction(3, data).onMessage(message);
  }

  /**
   * The submission of the form {@code customId} with one text input {@code inputId} holding {@code
   * value}, inside a label as Discord sends it (API v10, component types 18 and 4).
   */
  public InteractionBuilder modalSubmit(String customId, String inputId, String value) {
    ObjectNode data = DiscordJson.object();
    data.put("custom_id", customId);
    ObjectNode label = data.putArray("components").addObject();
    label.put("type", 18);
    label.put("id", 1);
    ObjectNode input = label.putObject("component");
    input.put("type", 4);
    input.put("id", 2);
    input.put("custom_id", inputId);
    input.put("value", value);
    return interaction(5, data);
  }

  /** The message command {@code name} on a user's message carrying these attachments. */
  public InteractionBuilder messageCommand(String name, String channelId, CdnFile... files) {
    String messageId = Snowflakes.next();
    ObjectNode target = DiscordJson.object();
    target.put("id", messageId);
    target.put("type", 0);
    target.put("channel_id", channelId);
    target.set("author", DiscordJson.user(STRANGER.id(), STRANGER.name(), false));
    target.put("content", "look at my cat");
    target.put("timestamp", DiscordJson.timestamp());
    target.putNull("edited_timestamp");
    target.put("tts", false);
    target.put("mention_everyone", false);
    target.putArray("mentions");
    target.putArray("mention_roles");
    target.put("pinned", false);
    target.put("flags", 0);
    target.putArray("embeds");
    target.putArray("components");
    ArrayNode attachments = target.putArray("attachments");
    for (CdnFile f : files) {
      attachments.add(
          DiscordJson.attachment(f.id(), f.fileName(), f.contentType(), f.size(), f.url()));
    }
    ObjectNode data = DiscordJson.object();
    data.put("id", "1600000000000000002");
    data.put("name", name);
    data.put("type", 3);
    data.put("target_id", messageId);
    data.putObject("resolved").putObject("messages").set(messageId, target);
    return interaction(2, data).in(channelId);
  }

  /** The id of the message that holds the interaction's original response, once acknowledged. */
  public String originalMessageId(String interactionId) {
    Interaction interaction = interactions.get(interactionId);
    return interaction == null ? null : interaction.originalMessageId;
  }

  /** How long the interaction waited for its acknowledgement, or null if never acknowledged. */
  public Duration ackDelay(String interactionId) {
    Interaction interaction = interactions.get(interactionId);
    return interaction == null || interaction.ackNanos == null
        ? null
        : Duration.ofNanos(interaction.ackNanos - interaction.createdNanos);
  }

  public synchronized List<RecordedCall> calls() {
    return List.copyOf(calls);
  }

  /** Waits (up to 10 s) for a request matching the predicate and returns the first one. */
  public synchronized RecordedCall awaitCall(String what, Predicate<RecordedCall> matching)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      for (RecordedCall call : calls) {
        if (matching.test(call)) {
          return call;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("the fake Discord never received " + what + "; got " + summary());
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  private String summary() {
    return calls.stream().map(c -> c.method() + " " + c.path()).toList().toString();
  }

  void send(ObjectNode payload) {
    interactions.put(payload.get("id").asString(), new Interaction(payload));
    gateway.dispatch(guildOf(payload), "INTERACTION_CREATE", payload);
  }

  String cdnBase() {
    return server.url("/").toString();
  }

  // ---- HTTP -------------------------------------------------------------------------------

  private MockResponse handle(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if ("websocket".equalsIgnoreCase(request.getHeaders().get("Upgrade"))) {
      return new MockResponse.Builder().webSocketUpgrade(gateway.connect()).build();
    }
    RecordedCall call = read(request);
    try {
      return route(call, path);
    } catch (RuntimeException e) {
      return error(500, 0, "fake failure: " + e);
    } finally {
      publish(call); // visible to tests only once handled, as its answer is to the client
    }
  }

  private MockResponse route(RecordedCall call, String path) {
    String method = call.method();
    if (path.startsWith("/attachments/")) {
      byte[] bytes = cdn.get(path);
      return bytes == null
          ? new MockResponse.Builder().code(404).build()
          : new MockResponse.Builder().body(new Buffer().write(bytes)).build();
    }
    if (method.equals("GET") && path.equals("/api/v10/users/@me")) {
      ObjectNode self = DiscordJson.user(BOT_ID, "Seedance", true);
      self.put("verified", true);
      self.put("mfa_enabled", false);
      self.put("flags", 0);
      return json(200, self);
    }
    if (method.equals("GET") && path.equals("/api/v10/gateway/bot")) {
      ObjectNode gatewayInfo = DiscordJson.object();
      gatewayInfo.put("url", gatewayUrl());
      gatewayInfo.put("shards", recommendedShards);
      ObjectNode limit = gatewayInfo.putObject("session_start_limit");
      limit.put("total", 1000);
      limit.put("remaining", 999);
      limit.put("reset_after", 14_400_000);
      limit.put("max_concurrency", maxConcurrency);
      return json(200, gatewayInfo);
    }
    if (method.equals("GET") && path.equals("/api/v10/gateway")) {
      ObjectNode gatewayInfo = DiscordJson.object();
      gatewayInfo.put("url", gatewayUrl());
      return json(200, gatewayInfo);
    }
    if (method.equals("PUT")
        && path.matches("/api/v10/applications/\\d+(/guilds/\\d+)?/commands")) {
      return json(200, registeredCommands(call.json()));
    }
    if (method.equals("POST") && path.equals("/api/v10/users/@me/channels")) {
      ObjectNode dm = DiscordJson.object();
      dm.put("id", DM_ID);
      dm.put("type", 1);
      dm.putArray("recipients")
          .add(DiscordJson.user(call.json().path("recipient_id").asString(), "someone", false));
      return json(200, dm);
    }
    Matcher callback = CALLBACK.matcher(path);
    if (callback.matches()) {
      return interactionCallback(callback.group(1), callback.group(2), call);
    }
    Matcher webhook = WEBHOOK.matcher(path);
    if (webhook.matches()) {
      return webhookCall(webhook.group(2), webhook.group(3), call);
    }
    Matcher channel = CHANNEL_MESSAGES.matcher(path);
    if (channel.matches()) {
      return channelMessage(channel.group(1), channel.group(2), call);
    }
    return error(404, 0, "404: Not Found");
  }

  private MockResponse interactionCallback(String id, String token, RecordedCall call) {
    Interaction interaction = interactions.get(id);
    if (interaction == null || !interaction.payload.get("token").asString().equals(token)) {
      return error(404, 10062, "Unknown interaction");
    }
    synchronized (interaction) {
      if (interaction.ackNanos != null) {
        return error(400, 40060, "Interaction has already been acknowledged.");
      }
      long now = System.nanoTime();
      if (now - interaction.createdNanos > ACK_WINDOW.toNanos()) {
        return error(404, 10062, "Unknown interaction");
      }
      interaction.ackNanos = now;
    }
    int type = call.json().path("type").asInt();
    JsonNode data = call.json().path("data");
    interaction.ephemeral = (data.path("flags").asInt() & 64) != 0;
    ObjectNode answer = DiscordJson.object();
    ObjectNode about = answer.putObject("interaction");
    about.put("id", id);
    about.put("type", interaction.payload.get("type").asInt());
    ObjectNode resource = answer.putObject("resource");
    resource.put("type", type);
    if (type == 4 || type == 5) {
      String messageId = Snowflakes.next();
      interaction.originalMessageId = messageId;
      about.put("response_message_id", messageId);
      about.put("response_message_loading", type == 5);
      about.put("response_message_ephemeral", interaction.ephemeral);
      if (type == 4) {
        ObjectNode message = message(messageId, channelOf(interaction), data, Map.of(), true);
        messages.put(messageId, new StoredMessage(channelOf(interaction), true, message));
        resource.set("message", message);
      }
    }
    return json(200, answer);
  }

  private MockResponse webhookCall(String token, String messageId, RecordedCall call) {
    Interaction interaction =
        interactions.values().stream()
            .filter(i -> i.payload.get("token").asString().equals(token))
            .findFirst()
            .orElse(null);
    if (interaction == null) {
      return error(404, 10015, "Unknown Webhook");
    }
    if (System.nanoTime() - interaction.createdNanos > TOKEN_LIFETIME.toNanos()) {
      return error(401, 50027, "Invalid Webhook Token");
    }
    String channelId = channelOf(interaction);
    switch (call.method()) {
      case "POST" -> {
        String id = Snowflakes.next();
        ObjectNode message = message(id, channelId, call.json(), call.files(), true);
        messages.put(id, new StoredMessage(channelId, true, message));
        return json(200, message);
      }
      case "PATCH" -> {
        String id = "@original".equals(messageId) ? interaction.originalMessageId : messageId;
        if (id == null) {
          return error(404, 10008, "Unknown Message");
        }
        ObjectNode message = message(id, channelId, call.json(), call.files(), true);
        messages.put(id, new StoredMessage(channelId, true, message));
        return json(200, message);
      }
      case "DELETE" -> {
        String id = "@original".equals(messageId) ? interaction.originalMessageId : messageId;
        if (id == null
            || messages.remove(id) == null && !id.equals(interaction.originalMessageId)) {
          return error(404, 10008, "Unknown Message");
        }
        return new MockResponse.Builder().code(204).build();
      }
      default -> {
        return error(405, 0, "405: Method Not Allowed");
      }
    }
  }

  private MockResponse channelMessage(String channelId, String messageId, RecordedCall call) {
    if (!Set.of(GENERAL_ID, THREAD_ID, NO_FILES_ID, DM_ID, OTHER_GENERAL_ID).contains(channelId)) {
      return error(404, 10003, "Unknown Channel");
    }
    if (forbiddenChannels.contains(channelId)) {
      return error(403, 50013, "Missing Permissions");
    }
    if (call.method().equals("POST") && messageId == null) {
      String id = Snowflakes.next();
      ObjectNode message = message(id, channelId, call.json(), call.files(), false);
      messages.put(id, new StoredMessage(channelId, false, message));
      return json(200, message);
    }
    if (call.method().equals("PATCH") && messageId != null) {
      StoredMessage stored = messages.get(messageId);
      if (stored == null || !stored.channelId().equals(channelId)) {
        return error(404, 10008, "Unknown Message");
      }
      if (stored.webhook()) {
        return error(403, 50005, "Cannot edit a message authored by another user");
      }
      ObjectNode message = message(messageId, channelId, call.json(), call.files(), false);
      messages.put(messageId, new StoredMessage(channelId, false, message));
      return json(200, message);
    }
    return error(405, 0, "405: Method Not Allowed");
  }

  private String channelOf(Interaction interaction) {
    return interaction.payload.get("channel_id").asString();
  }

  private ObjectNode message(
      String id,
      String channelId,
      JsonNode payload,
      Map<String, UploadedFile> files,
      boolean webhook) {
    ObjectNode message = DiscordJson.object();
    message.put("id", id);
    message.put("type", 0);
    message.put("channel_id", channelId);
    message.set("author", DiscordJson.user(BOT_ID, "Seedance", true));
    message.put("content", payload == null ? "" : payload.path("content").asString(""));
    message.put("timestamp", DiscordJson.timestamp());
    message.putNull("edited_timestamp");
    message.put("tts", false);
    message.put("mention_everyone", false);
    message.putArray("mentions");
    message.putArray("mention_roles");
    message.put("pinned", false);
    message.put("flags", payload == null ? 0 : payload.path("flags").asInt(0));
    ArrayNode embeds = message.putArray("embeds");
    if (payload != null) {
      for (JsonNode embed : payload.path("embeds")) {
        ObjectNode copy = ((ObjectNode) embed).deepCopy();
        copy.put("type", "rich");
        embeds.add(copy);
      }
    }
    message.set(
        "components",
        payload != null && payload.has("components")
            ? payload.get("components")
            : DiscordJson.array());
    ArrayNode attachments = message.putArray("attachments");
    files
        .values()
        .forEach(
            f ->
                attachments.add(
                    DiscordJson.attachment(
                        Snowflakes.next(),
                        f.fileName(),
                        f.contentType(),
                        f.bytes().length,
                        cdnBase() + "attachments/" + channelId + "/x/" + f.fileName())));
    if (webhook) {
      message.put("webhook_id", BOT_ID);
      message.put("application_id", BOT_ID);
    }
    return message;
  }

  private ArrayNode registeredCommands(JsonNode requested) {
    ArrayNode registered = DiscordJson.array();
    for (JsonNode command : requested) {
      ObjectNode copy = ((ObjectNode) command).deepCopy();
      String id = Snowflakes.next();
      copy.put("id", id);
      copy.put("application_id", BOT_ID);
      copy.put("version", id);
      registered.add(copy);
    }
    return registered;
  }

  // ---- recording --------------------------------------------------------------------------

  private RecordedCall read(RecordedRequest request) {
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
    String contentType = request.getHeaders().get("Content-Type");
    JsonNode json = null;
    Map<String, UploadedFile> files = new LinkedHashMap<>();
    try {
      if (contentType != null && contentType.startsWith("multipart/")) {
        json = readMultipart(body, contentType, files);
      } else if (body.length > 0 && contentType != null && contentType.contains("json")) {
        json = DiscordJson.parse(new String(body, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException("unreadable request body", e);
    }
    return new RecordedCall(
        request.getMethod(),
        request.getTarget(),
        request.getHeaders(),
        body,
        json,
        Map.copyOf(files));
  }

  private synchronized void publish(RecordedCall call) {
    calls.add(call);
    notifyAll();
  }

  private static JsonNode readMultipart(
      byte[] body, String contentType, Map<String, UploadedFile> files) throws IOException {
    String boundary = contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
    JsonNode json = null;
    try (MultipartReader reader = new MultipartReader(new Buffer().write(body), boundary)) {
      MultipartReader.Part part;
      while ((part = reader.nextPart()) != null) {
        String disposition = part.headers().get("Content-Disposition");
        String name = disposition.replaceAll(".*\\bname=\"([^\"]*)\".*", "$1");
        byte[] bytes = part.body().readByteArray();
        if (name.equals("payload_json")) {
          json = DiscordJson.parse(new String(bytes, StandardCharsets.UTF_8));
        } else {
          String fileName =
              disposition.contains("filename=")
                  ? disposition.replaceAll(".*filename=\"([^\"]*)\".*", "$1")
                  : name;
          files.put(name, new UploadedFile(fileName, part.headers().get("Content-Type"), bytes));
        }
      }
    }
    return json;
  }

  private static MockResponse json(int code, JsonNode body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body.toString())
        .build();
  }

  private static MockResponse error(int code, int errorCode, String message) {
    ObjectNode body = DiscordJson.object();
    body.put("message", message);
    body.put("code", errorCode);
    return json(code, body);
  }

  // ---- the world --------------------------------------------------------------------------

  private ObjectNode ready(int shard, int total) {
    ObjectNode ready = DiscordJson.object();
    ready.put("v", 10);
    ObjectNode self = DiscordJson.user(BOT_ID, "Seedance", true);
    self.put("verified", true);
    self.put("mfa_enabled", false);
    self.put("flags", 0);
    ready.set("user", self);
    ArrayNode unavailable = ready.putArray("guilds");
    for (ObjectNode guild : allGuilds()) {
      String id = guild.get("id").asString();
      if (FakeGateway.shardOf(id, total) == shard) {
        unavailable.addObject().put("id", id).put("unavailable", true);
      }
    }
    ready.putArray("private_channels");
    ready.put("session_id", "fake-session-" + shard + "-" + Snowflakes.next());
    ready.put("resume_gateway_url", gatewayUrl());
    ready.putArray("shard").add(shard).add(total);
    ObjectNode application = ready.putObject("application");
    application.put("id", BOT_ID);
    application.put("flags", 0);
    return ready;
  }

  private List<ObjectNode> allGuilds() {
    return List.of(guild(), otherGuild());
  }

  /** The guild a payload belongs to, null for DMs. */
  private static String guildOf(ObjectNode payload) {
    JsonNode guild = payload.get("guild_id");
    return guild == null || guild.isNull() ? null : guild.asString();
  }

  /** The guild that holds the channel. */
  static String guildOfChannel(String channelId) {
    return OTHER_GENERAL_ID.equals(channelId) ? OTHER_GUILD_ID : GUILD_ID;
  }

  ObjectNode guild() {
    ObjectNode guild = guildSkeleton(GUILD_ID, "Seedance Fans", premiumTier, 4);
    ArrayNode roles = guild.putArray("roles");
    roles.add(DiscordJson.role(GUILD_ID, "@everyone", DiscordJson.EVERYONE, 0));
    roles.add(DiscordJson.role(ADMIN_ROLE_ID, "Admins", DiscordJson.MANAGE_GUILD, 1));
    ArrayNode channels = guild.putArray("channels");
    channels.add(DiscordJson.textChannel(GENERAL_ID, GUILD_ID, "general", 0));
    channels.add(
        DiscordJson.denyForRole(
            DiscordJson.textChannel(NO_FILES_ID, GUILD_ID, "no-files", 1),
            GUILD_ID,
            DiscordJson.ATTACH_FILES));
    guild
        .putArray("threads")
        .add(DiscordJson.thread(THREAD_ID, GUILD_ID, GENERAL_ID, OWNER.id(), "cats"));
    return guild;
  }

  /** The second guild: no boosts, @everyone only, one text channel. */
  private ObjectNode otherGuild() {
    ObjectNode guild = guildSkeleton(OTHER_GUILD_ID, "Other Server", 0, 2);
    guild
        .putArray("roles")
        .add(DiscordJson.role(OTHER_GUILD_ID, "@everyone", DiscordJson.EVERYONE, 0));
    guild
        .putArray("channels")
        .add(DiscordJson.textChannel(OTHER_GENERAL_ID, OTHER_GUILD_ID, "general", 0));
    guild.putArray("threads");
    return guild;
  }

  private static ObjectNode guildSkeleton(String id, String name, int tier, int memberCount) {
    ObjectNode guild = DiscordJson.object();
    guild.put("id", id);
    guild.put("name", name);
    guild.putNull("icon");
    guild.put("owner_id", ADMIN.id());
    guild.put("preferred_locale", "en-US");
    guild.put("premium_tier", tier);
    guild.put("premium_subscription_count", tier * 7);
    guild.put("member_count", memberCount);
    guild.put("large", false);
    guild.put("unavailable", false);
    guild.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
    guild.put("verification_level", 0);
    guild.put("default_message_notifications", 0);
    guild.put("explicit_content_filter", 0);
    guild.put("mfa_level", 0);
    guild.put("nsfw_level", 0);
    guild.put("afk_timeout", 300);
    guild.putArray("features");
    guild.putArray("members").add(DiscordJson.member(DiscordJson.user(BOT_ID, "Seedance", true)));
    guild.putArray("voice_states");
    guild.putArray("presences");
    guild.putArray("emojis");
    guild.putArray("stickers");
    guild.putArray("guild_scheduled_events");
    guild.putArray("stage_instances");
    guild.putArray("soundboard_sounds");
    return guild;
  }

  ObjectNode channelJson(String channelId) {
    return switch (channelId) {
      case THREAD_ID -> DiscordJson.thread(THREAD_ID, GUILD_ID, GENERAL_ID, OWNER.id(), "cats");
      case NO_FILES_ID -> DiscordJson.textChannel(NO_FILES_ID, GUILD_ID, "no-files", 1);
      case OTHER_GENERAL_ID ->
          DiscordJson.textChannel(OTHER_GENERAL_ID, OTHER_GUILD_ID, "general", 0);
      default -> DiscordJson.textChannel(GENERAL_ID, GUILD_ID, "general", 0);
    };
  }

  @Override
  public void close() throws IOException {
    gateway.close();
    server.close();
  }
}
