package com.seedancebot.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.ResponseBody;

/**
 * A local stand-in for the Telegram Bot API server, speaking its wire format: {@code
 * /bot<token>/<method>} with JSON or multipart bodies (method names matched case-insensitively, as
 * TelegramBots sends them lowercased), answers as {@code {"ok":true,"result":…}} or {@code
 * {"ok":false,"error_code":…,"description":…}}, long-polled {@code getUpdates} serving updates the
 * test enqueues (kept until a later call's {@code offset} confirms them, as Telegram does), the
 * webhook's state ({@code setWebhook}, {@code deleteWebhook}, {@code getWebhookInfo}), {@code
 * getFile} plus {@code /file/bot<token>/<path>} downloads, and the odd cases bots must handle (429
 * with {@code retry_after}, "message is not modified", "file is too big", and 409 Conflict for a
 * {@code getUpdates} while a webhook is set or when a second one arrives while one is waiting: the
 * waiting one is ended with 409, as when two bot instances poll). Records every request, and apart
 * every call it handled successfully ({@link #completedCalls}: what the chat really shows). Slow,
 * held and randomly failing calls are switches; a call still arriving (slow or held) when {@link
 * #dropConnections()} is called is abandoned as when its client dies: never handled, never
 * answered. Listens on loopback only.
 */
public final class FakeTelegramBotApi implements AutoCloseable {
  public static final String TOKEN = "7001234567:AAF-fakeSecretToken_DoNotLeak-9f8e7d";
  public static final long BOT_ID = 7001234567L;
  public static final String BOT_USERNAME = "SeedanceTestBot";
  private static final long DOWNLOAD_LIMIT = 20L * 1024 * 1024;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<RecordedCall> calls = new ArrayList<>();
  private final List<ObjectNode> updates = new ArrayList<>();
  private final Map<String, FakeFile> files = new ConcurrentHashMap<>();
  private final Map<String, String> memberStatus = new ConcurrentHashMap<>();
  private final Map<String, SentMessage> messages = new ConcurrentHashMap<>();
  private final List<ObjectNode> sentMessages = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Map<String, Failure> failures = new HashMap<>();
  private final AtomicInteger nextUpdateId = new AtomicInteger(500);
  private final AtomicInteger nextMessageId = new AtomicInteger(9000);
  private final AtomicInteger nextFile = new AtomicInteger(1);
  private volatile Duration maxPollWait = Duration.ofSeconds(1);
  private final Map<String, Duration> slowMethods = new ConcurrentHashMap<>();
  private final Set<String> holds = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> arriving = new ConcurrentHashMap<>();
  private final List<CompletedCall> completed = new CopyOnWriteArrayList<>();
  // per exchange (the JDK's exchange attributes are shared by its whole context before JDK 19)
  private final Set<HttpExchange> answeredOk = ConcurrentHashMap.newKeySet();
  private final Map<HttpExchange, OutputStream> begunAnswers = new ConcurrentHashMap<>();
  private final Object arrivals = new Object();
  private long connectionsEpoch; // guarded by arrivals; dropConnections() moves it on
  private double faultRate; // guarded by this
  private Random faultRandom; // guarded by this
  private Set<String> faultMethods = Set.of(); // guarded by this
  private int randomFaults; // guarded by this
  private long pollGeneration; // guarded by this; a new getUpdates ends the waiting one
  private boolean pollWaiting; // guarded by this
  private int pollConflicts; // guarded by this
  private ObjectNode webhook; // guarded by this; null while none is set

  /**
   * A call the fake handled successfully (answered {@code "ok":true}; the answer may still have
   * been lost on the way back).
   *
   * @param call the request
   * @param at when it was handled: from then on the chat shows it
   */
  public record CompletedCall(RecordedCall call, Instant at) {}

  private record FakeFile(String path, long size, byte[] bytes) {}

  private record SentMessage(String text, String markup) {}

  private record Failure(int remaining, int code, String description, Integer retryAfter) {}

  public FakeTelegramBotApi() throws IOException {
    this(0);
  }

  /**
   * A fake on a chosen port (0 = any), e.g. to bring Telegram "back" where a bot was told to look.
   */
  public FakeTelegramBotApi(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setExecutor(threads);
    server.createContext("/", this::serve);
    server.start();
  }

  /** The base URL to configure as TELEGRAM_API_URL. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  // ---- scripting ------------------------------------------------------------------------------

  /** Queues an update for getUpdates; assigns and returns its update_id. */
  public synchronized int enqueue(ObjectNode update) {
    int id = nextUpdateId.incrementAndGet();
    update.put("update_id", id);
    updates.add(update);
    notifyAll();
    return id;
  }

  /**
   * Serves an update again with its {@code update_id}, as Telegram does when the bot that got it
   * died before a later {@code getUpdates} confirmed its offset.
   */
  public synchronized void enqueueAgain(ObjectNode update) {
    updates.add(update.deepCopy());
    notifyAll();
  }

  /** Makes a downloadable file; returns its file id. */
  public String addFile(byte[] bytes, String extension) {
    return addFile(bytes, bytes.length, extension);
  }

  /** A file whose metadata claims {@code size} bytes (no content needed for oversize cases). */
  public String addFile(byte[] bytes, long size, String extension) {
    String id = "BAACAgIAAx" + nextFile.incrementAndGet() + "fileid";
    files.put(id, new FakeFile("documents/file_" + nextFile.get() + "." + extension, size, bytes));
    return id;
  }

  public void setMemberStatus(long chatId, long userId, String status) {
    memberStatus.put(chatId + ":" + userId, status);
  }

  /** The next {@code times} calls of {@code method} answer 429 with {@code retry_after}. */
  public synchronized void failWith429(String method, int times, int retryAfterSeconds) {
    failures.put(
        method.toLowerCase(Locale.ROOT),
        new Failure(
            times, 429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds));
  }

  /** The next call of {@code method} fails with {@code code} and {@code description}. */
  public synchronized void failNext(String method, int code, String description) {
    failures.put(method.toLowerCase(Locale.ROOT), new Failure(1, code, description, null));
  }

  /**
   * The user deletes every message the bot has sent into the chat so far (as with "delete for
   * everyone"): editing one of them now fails as on Telegram, "message to edit not found".
   *
   * @return how many messages were deleted
   */
  public int userDeletesBotMessages(long chatId) {
    String prefix = chatId + "/";
    int before = messages.size();
    messages.keySet().removeIf(key -> key.startsWith(prefix));
    return before - messages.size();
  }

  /**
   * Calls of {@code method} take this long to arrive (a slow upload) before they are handled; the
   * client waits for the answer meanwhile.
   */
  public void slow(String method, Duration delay) {
    slowMethods.put(method.toLowerCase(Locale.ROOT), delay);
  }

  /**
   * Calls of {@code method} to this chat are held (no answer) until {@link #release()}; a held call
   * whose client gives up or dies meanwhile is noticed and never handled.
   */
  public void hold(String method, long chatId) {
    holds.add(method.toLowerCase(Locale.ROOT) + "/" + chatId);
  }

  /** Lets every held call go on (each is handled and answered). */
  public void release() {
    synchronized (arrivals) {
      holds.clear();
      arrivals.notifyAll();
    }
  }

  /**
   * Drops the connection of every call still arriving (slow or held), as when the client process is
   * killed: those calls are never handled and never answered.
   */
  public void dropConnections() {
    synchronized (arrivals) {
      connectionsEpoch++;
      arrivals.notifyAll();
    }
  }

  /**
   * From now on each call of one of {@code methods} fails with probability {@code rate}, the fault
   * drawn from a random seeded with {@code seed}: 429 with {@code retry_after} 1 or 2 s, 500
   * Internal Server Error, or a short hang (1–3 s) before the normal answer. Scripted failures
   * ({@link #failNext}, {@link #failWith429}) come first. A rate of 0 turns it off.
   */
  public synchronized void failRandomly(double rate, long seed, Set<String> methods) {
    this.faultRate = rate;
    this.faultRandom = new Random(seed);
    this.faultMethods =
        methods.stream()
            .map(m -> m.toLowerCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** How many random faults were answered so far. */
  public synchronized int randomFaults() {
    return randomFaults;
  }

  /** The longest a getUpdates call is held open (caps the client's timeout). */
  public void maxPollWait(Duration wait) {
    this.maxPollWait = wait;
  }

  /** The webhook URL set now, or null. */
  public synchronized String webhookUrl() {
    return webhook == null ? null : webhook.get("url").asText();
  }

  /** How often a getUpdates arrived while another one was still waiting (two pollers). */
  public synchronized int pollConflicts() {
    return pollConflicts;
  }

  /** Updates enqueued and not yet confirmed by a getUpdates offset. */
  public synchronized int pendingUpdates() {
    return updates.size();
  }

  /** Builds update JSON in Telegram's format. */
  /**
   * The messages the bot sent into {@code chatId}, as Telegram returned them (a video message once
   * its video is attached): what a user's reply carries as {@code reply_to_message}.
   */
  public List<ObjectNode> sentMessages(long chatId) {
    return sentMessages.stream()
        .filter(m -> m.path("chat").path("id").asLong() == chatId)
        .map(ObjectNode::deepCopy)
        .toList();
  }

  public Updates updates() {
    return new Updates(json, nextMessageId);
  }

  // ---- inspection -----------------------------------------------------------------------------

  public synchronized List<RecordedCall> calls() {
    return List.copyOf(calls);
  }

  public List<RecordedCall> calls(String method) {
    String m = method.toLowerCase(Locale.ROOT);
    return calls().stream().filter(c -> c.method().equals(m)).toList();
  }

  /** Calls of {@code method} handled successfully, in the order they were handled. */
  public List<CompletedCall> completedCalls(String method) {
    String m = method.toLowerCase(Locale.ROOT);
    return completed.stream().filter(c -> c.call().method().equals(m)).toList();
  }

  /** How many calls of {@code method} are still arriving (slow or held) right now. */
  public int arriving(String method) {
    AtomicInteger n = arriving.get(method.toLowerCase(Locale.ROOT));
    return n == null ? 0 : n.get();
  }

  /** Waits until {@code count} calls of {@code method} arrived; returns them. */
  public synchronized List<RecordedCall> awaitCalls(String method, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (calls(method).size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "expected " + count + " " + method + " calls, got " + calls(method).size());
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return calls(method);
  }

  // ---- serving --------------------------------------------------------------------------------

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getRawPath();
      String prefix = "/bot" + TOKEN + "/";
      String filePrefix = "/file/bot" + TOKEN + "/";
      if (path.startsWith(filePrefix)) {
        record("file", exchange, body, Map.of(), Map.of(), Map.of());
        download(exchange, path.substring(filePrefix.length()));
        return;
      }
      if (!path.startsWith(prefix)) {
        record("unauthorized", exchange, body, Map.of(), Map.of(), Map.of());
        error(exchange, 401, "Unauthorized", null);
        return;
      }
      String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
      Map<String, String> fields = new LinkedHashMap<>();
      Map<String, byte[]> uploads = new LinkedHashMap<>();
      Map<String, String> names = new LinkedHashMap<>();
      parse(exchange.getRequestHeaders().getFirst("Content-Type"), body, fields, uploads, names);
      RecordedCall call = record(method, exchange, body, fields, uploads, names);
      Duration delay = slowMethods.getOrDefault(method, Duration.ZERO);
      Failure failure = takeFailure(method);
      if (failure == null) {
        RandomFault drawn = randomFault(method);
        failure = drawn.failure();
        delay = delay.plus(drawn.hang());
      }
      String holdKey = method + "/" + fields.get("chat_id");
      if (holds.contains(holdKey) && !holdOpen(exchange, method, holdKey)) {
        return; // the client went away while the call was held: it is never handled
      }
      if (!arrive(method, delay)) {
        return; // the client is gone: closing the exchange unanswered drops the connection
      }
      if (failure != null) {
        error(exchange, failure.code(), failure.description(), failure.retryAfter());
        return;
      }
      Instant handled = Instant.now();
      answer(exchange, method, fields, uploads);
      if (answeredOk.contains(exchange)) {
        completed.add(new CompletedCall(call, handled));
      }
    } catch (RuntimeException e) {
      e.printStackTrace();
      throw e;
    } finally {
      answeredOk.remove(exchange);
      begunAnswers.remove(exchange);
    }
  }

  private void answer(
      HttpExchange ex, String method, Map<String, String> f, Map<String, byte[]> uploads)
      throws IOException {
    switch (method) {
      case "getme" -> ok(ex, me());
      case "getupdates" -> getUpdates(ex, f);
      case "setwebhook" -> ok(ex, setWebhook(f));
      case "deletewebhook" -> ok(ex, deleteWebhook(f));
      case "getwebhookinfo" -> ok(ex, webhookInfo());
      case "setmycommands", "sendchataction", "answercallbackquery" ->
          ok(ex, json.getNodeFactory().booleanNode(true));
      case "sendmessage" -> ok(ex, sent(f, f.get("text"), "text"));
      case "sendvideo" -> ok(ex, sentVideo(f, uploads));
      case "sendphoto" -> sendPhoto(ex, f, uploads);
      case "editmessagetext" -> edit(ex, f);
      case "getfile" -> getFile(ex, f.get("file_id"));
      case "getchatmember" -> ok(ex, member(f));
      default -> error(ex, 404, "Not Found", null);
    }
  }

  private ObjectNode me() {
    ObjectNode me = json.createObjectNode();
    me.put("id", BOT_ID).put("is_bot", true).put("first_name", "Seedance");
    me.put("username", BOT_USERNAME).put("can_join_groups", true);
    me.put("can_read_all_group_messages", false).put("supports_inline_queries", false);
    return me;
  }

  private void getUpdates(HttpExchange ex, Map<String, String> f) throws IOException {
    synchronized (this) {
      if (webhook != null) {
        error(
            ex,
            409,
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to"
                + " delete the webhook first",
            null);
        return;
      }
    }
    ArrayNode polled = poll(f);
    if (polled == null) {
      error(
          ex,
          409,
          "Conflict: terminated by other getUpdates request; make sure that only one bot instance"
              + " is running",
          null);
      return;
    }
    ok(ex, polled);
  }

  /** The updates from the offset on, after waiting for one; null when a newer poll ended it. */
  private ArrayNode poll(Map<String, String> f) {
    long offset = f.containsKey("offset") ? Long.parseLong(f.get("offset")) : 0;
    long timeoutSeconds = f.containsKey("timeout") ? Long.parseLong(f.get("timeout")) : 0;
    long waitMillis = Math.min(timeoutSeconds * 1000, maxPollWait.toMillis());
    long deadline = System.currentTimeMillis() + waitMillis;
    synchronized (this) {
      if (pollWaiting) {
        pollConflicts++;
      }
      long generation = ++pollGeneration;
      pollWaiting = true;
      notifyAll();
      updates.removeIf(u -> u.get("update_id").asLong() < offset);
      try {
        while (updates.isEmpty()
            && System.currentTimeMillis() < deadline
            && generation == pollGeneration) {
          wait(Math.max(1, deadline - System.currentTimeMillis()));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (generation != pollGeneration) {
        return null;
      }
      pollWaiting = false;
      ArrayNode result = json.createArrayNode();
      updates.forEach(result::add);
      return result;
    }
  }

  private synchronized JsonNode setWebhook(Map<String, String> f) {
    webhook = json.createObjectNode();
    webhook.put("url", f.get("url"));
    if (f.get("allowed_updates") != null) {
      webhook.set("allowed_updates", readTree(f.get("allowed_updates")));
    }
    if ("true".equals(f.get("drop_pending_updates"))) {
      updates.clear();
    }
    return json.getNodeFactory().booleanNode(true);
  }

  private synchronized JsonNode deleteWebhook(Map<String, String> f) {
    webhook = null;
    if ("true".equals(f.get("drop_pending_updates"))) {
      updates.clear();
    }
    return json.getNodeFactory().booleanNode(true);
  }

  private synchronized ObjectNode webhookInfo() {
    ObjectNode info = json.createObjectNode();
    info.put("url", webhook == null ? "" : webhook.get("url").asText());
    info.put("has_custom_certificate", false).put("pending_update_count", updates.size());
    if (webhook != null && webhook.has("allowed_updates")) {
      info.set("allowed_updates", webhook.get("allowed_updates"));
    }
    return info;
  }

  private ObjectNode sent(Map<String, String> f, String text, String textField) {
    String chatId = f.get("chat_id");
    int id = nextMessageId.incrementAndGet();
    ObjectNode m = message(chatId, id, f.get("message_thread_id"));
    if (text != null) {
      m.put(textField, text);
    }
    // a Message carries only an inline keyboard: a ForceReply or reply keyboard is not echoed back
    if (f.get("reply_markup") != null && readTree(f.get("reply_markup")).has("inline_keyboard")) {
      m.set("reply_markup", readTree(f.get("reply_markup")));
    }
    messages.put(chatId + "/" + id, new SentMessage(text, f.get("reply_markup")));
    sentMessages.add(m);
    return m;
  }

  private ObjectNode sentVideo(Map<String, String> f, Map<String, byte[]> uploads) {
    ObjectNode m = sent(f, f.get("caption"), "caption");
    byte[] video = uploads.getOrDefault("video", new byte[0]);
    ObjectNode v = m.putObject("video");
    v.put("file_id", "BAACAgIAAxVideo" + m.get("message_id").asInt());
    v.put("file_unique_id", "AgADVideo" + m.get("message_id").asInt());
    v.put("width", intField(f, "width")).put("height", intField(f, "height"));
    v.put("duration", intField(f, "duration")).put("mime_type", "video/mp4");
    v.put("file_size", video.length);
    return m;
  }

  /** Like Telegram: a photo upload that is not an image is refused; the answer lists sizes. */
  private void sendPhoto(HttpExchange ex, Map<String, String> f, Map<String, byte[]> uploads)
      throws IOException {
    byte[] photo = uploads.get("photo");
    if (photo == null || photo.length == 0) {
      error(ex, 400, "Bad Request: there is no photo in the request", null);
      return;
    }
    java.awt.image.BufferedImage image =
        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(photo));
    if (image == null) {
      error(ex, 400, "Bad Request: IMAGE_PROCESS_FAILED", null);
      return;
    }
    ObjectNode m = sent(f, f.get("caption"), "caption");
    ObjectNode size = m.putArray("photo").addObject();
    size.put("file_id", "AgACAgIAAxPhoto" + m.get("message_id").asInt());
    size.put("file_unique_id", "AQADPhoto" + m.get("message_id").asInt());
    size.put("width", image.getWidth()).put("height", image.getHeight());
    size.put("file_size", photo.length);
    ok(ex, m);
  }

  private void edit(HttpExchange ex, Map<String, String> f) throws IOException {
    String key = f.get("chat_id") + "/" + f.get("message_id");
    SentMessage current = messages.get(key);
    if (current == null) {
      error(ex, 400, "Bad Request: message to edit not found", null);
      return;
    }
    String markup = f.get("reply_markup");
    if (f.get("text").equals(current.text())
        && java.util.Objects.equals(markup, current.markup())) {
      error(
          ex,
          400,
          "Bad Request: message is not modified: specified new message content and reply markup"
              + " are exactly the same as a current content and reply markup of the message",
          null);
      return;
    }
    messages.put(key, new SentMessage(f.get("text"), markup));
    ObjectNode m = message(f.get("chat_id"), Integer.parseInt(f.get("message_id")), null);
    m.put("text", f.get("text")).put("edit_date", now());
    if (markup != null) {
      m.set("reply_markup", readTree(markup));
    }
    ok(ex, m);
  }

  private void getFile(HttpExchange ex, String fileId) throws IOException {
    FakeFile file = fileId == null ? null : files.get(fileId);
    if (file == null) {
      error(ex, 400, "Bad Request: invalid file_id", null);
    } else if (file.size() > DOWNLOAD_LIMIT) {
      error(ex, 400, "Bad Request: file is too big", null);
    } else {
      ObjectNode r = json.createObjectNode();
      r.put("file_id", fileId).put("file_unique_id", "AgAD" + fileId.hashCode());
      r.put("file_size", file.size()).put("file_path", file.path());
      ok(ex, r);
    }
  }

  private void download(HttpExchange ex, String path) throws IOException {
    FakeFile file =
        files.values().stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
    if (file == null || file.bytes() == null) {
      send(ex, 404, "text/plain", "Not Found".getBytes(StandardCharsets.UTF_8));
    } else {
      send(ex, 200, "application/octet-stream", file.bytes());
    }
  }

  private ObjectNode member(Map<String, String> f) {
    String status = memberStatus.getOrDefault(f.get("chat_id") + ":" + f.get("user_id"), "member");
    ObjectNode m = json.createObjectNode();
    m.put("status", status);
    ObjectNode user = m.putObject("user");
    user.put("id", Long.parseLong(f.get("user_id"))).put("is_bot", false).put("first_name", "U");
    if (status.equals("creator") || status.equals("administrator")) {
      m.put("is_anonymous", false);
    }
    if (status.equals("administrator")) {
      for (String right :
          List.of(
              "can_be_edited",
              "can_manage_chat",
              "can_delete_messages",
              "can_manage_video_chats",
              "can_restrict_members",
              "can_promote_members",
              "can_change_info",
              "can_invite_users",
              "can_post_stories",
              "can_edit_stories",
              "can_delete_stories")) {
        m.put(right, right.equals("can_manage_chat"));
      }
    }
    return m;
  }

  private ObjectNode message(String chatId, int messageId, String threadId) {
    ObjectNode m = json.createObjectNode();
    m.put("message_id", messageId).put("date", now());
    ObjectNode chat = m.putObject("chat");
    long id = Long.parseLong(chatId);
    chat.put("id", id).put("type", id < 0 ? "supergroup" : "private");
    ObjectNode from = m.putObject("from");
    from.put("id", BOT_ID).put("is_bot", true).put("first_name", "Seedance");
    from.put("username", BOT_USERNAME);
    if (threadId != null) {
      m.put("message_thread_id", Integer.parseInt(threadId)).put("is_topic_message", true);
    }
    return m;
  }

  // ---- plumbing -------------------------------------------------------------------------------

  /**
   * Holds a call until {@link #release()}: its answer is begun (200, chunked) and the connection
   * probed every 500 ms with a space, which JSON allows before a value, so a client that gives up
   * or dies is noticed and its call is never handled; false then. A held call answers normally.
   */
  private boolean holdOpen(HttpExchange ex, String method, String holdKey) {
    AtomicInteger count = arriving.computeIfAbsent(method, m -> new AtomicInteger());
    count.incrementAndGet();
    try {
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      begunAnswers.put(ex, out);
      long epoch;
      synchronized (arrivals) {
        epoch = connectionsEpoch;
      }
      while (true) {
        synchronized (arrivals) {
          if (connectionsEpoch != epoch) {
            return false;
          }
          if (!holds.contains(holdKey)) {
            return true;
          }
          arrivals.wait(500);
        }
        out.write(' ');
        out.flush();
      }
    } catch (IOException gone) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      count.decrementAndGet();
    }
  }

  /**
   * Waits while a call is still arriving (slow for {@code delay}); false when its connection was
   * dropped meanwhile.
   */
  private boolean arrive(String method, Duration delay) {
    if (delay.isZero()) {
      return true;
    }
    AtomicInteger count = arriving.computeIfAbsent(method, m -> new AtomicInteger());
    count.incrementAndGet();
    long deadline = System.nanoTime() + delay.toNanos();
    try {
      synchronized (arrivals) {
        long epoch = connectionsEpoch;
        while (true) {
          if (connectionsEpoch != epoch) {
            return false;
          }
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return true;
          }
          TimeUnit.NANOSECONDS.timedWait(arrivals, left);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      count.decrementAndGet();
    }
  }

  /** A failure to answer with, or a short hang before the normal answer, or neither. */
  private record RandomFault(Failure failure, Duration hang) {
    static final RandomFault NONE = new RandomFault(null, Duration.ZERO);
  }

  private synchronized RandomFault randomFault(String method) {
    if (faultRate <= 0 || !faultMethods.contains(method) || faultRandom.nextDouble() >= faultRate) {
      return RandomFault.NONE;
    }
    randomFaults++;
    return switch (faultRandom.nextInt(3)) {
      case 0 -> {
        int wait = 1 + faultRandom.nextInt(2);
        yield new RandomFault(
            new Failure(1, 429, "Too Many Requests: retry after " + wait, wait), Duration.ZERO);
      }
      case 1 -> new RandomFault(new Failure(1, 500, "Internal Server Error", null), Duration.ZERO);
      default -> new RandomFault(null, Duration.ofMillis(1000 + faultRandom.nextInt(2000)));
    };
  }

  private synchronized Failure takeFailure(String method) {
    Failure f = failures.get(method);
    if (f == null || f.remaining() <= 0) {
      return null;
    }
    failures.put(method, new Failure(f.remaining() - 1, f.code(), f.description(), f.retryAfter()));
    return f;
  }

  private void parse(
      String contentType,
      byte[] body,
      Map<String, String> fields,
      Map<String, byte[]> uploads,
      Map<String, String> names)
      throws IOException {
    if (contentType != null && contentType.startsWith("multipart/")) {
      try (MultipartReader reader =
          new MultipartReader(ResponseBody.create(body, MediaType.get(contentType)))) {
        MultipartReader.Part part;
        while ((part = reader.nextPart()) != null) {
          String disposition = part.headers().get("Content-Disposition");
          String name = param(disposition, "name");
          String fileName = param(disposition, "filename");
          byte[] bytes = part.body().readByteArray();
          if (fileName != null) {
            uploads.put(name, bytes);
            names.put(name, fileName);
          } else {
            fields.put(name, new String(bytes, StandardCharsets.UTF_8));
          }
        }
      }
      // the Bot API's attach://<part> references name the part holding a parameter's file
      fields.forEach(
          (field, value) -> {
            String part = value.startsWith("attach://") ? value.substring(9) : null;
            if (part != null && uploads.containsKey(part)) {
              uploads.put(field, uploads.get(part));
              names.put(field, names.get(part));
            }
          });
    } else if (body.length > 0) {
      JsonNode tree = json.readTree(body);
      tree.fields()
          .forEachRemaining(
              e ->
                  fields.put(
                      e.getKey(),
                      e.getValue().isValueNode()
                          ? e.getValue().asText()
                          : e.getValue().toString()));
    }
  }

  private static String param(String disposition, String name) {
    if (disposition == null) {
      return null;
    }
    for (String piece : disposition.split(";")) {
      String p = piece.trim();
      if (p.startsWith(name + "=")) {
        String value = p.substring(name.length() + 1);
        return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
      }
    }
    return null;
  }

  private synchronized RecordedCall record(
      String method,
      HttpExchange ex,
      byte[] body,
      Map<String, String> fields,
      Map<String, byte[]> uploads,
      Map<String, String> names) {
    Map<String, String> headers = new LinkedHashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
    RecordedCall call =
        new RecordedCall(
            method,
            ex.getRequestURI().toString(),
            headers,
            Map.copyOf(fields),
            Map.copyOf(uploads),
            Map.copyOf(names),
            body);
    calls.add(call);
    notifyAll();
    return call;
  }

  private void ok(HttpExchange ex, JsonNode result) throws IOException {
    answeredOk.add(ex); // handled: the chat shows it even if the answer is lost
    ObjectNode answer = json.createObjectNode();
    answer.put("ok", true).set("result", result);
    send(ex, 200, "application/json", json.writeValueAsBytes(answer));
  }

  private void error(HttpExchange ex, int code, String description, Integer retryAfter)
      throws IOException {
    ObjectNode answer = json.createObjectNode();
    answer.put("ok", false).put("error_code", code).put("description", description);
    if (retryAfter != null) {
      answer.putObject("parameters").put("retry_after", retryAfter);
    }
    send(ex, code, "application/json", json.writeValueAsBytes(answer));
  }

  private void send(HttpExchange ex, int status, String type, byte[] bytes) throws IOException {
    OutputStream begun = begunAnswers.get(ex);
    if (begun != null) { // a held call: its 200 is already sent
      begun.write(bytes);
      begun.close();
      return;
    }
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private JsonNode readTree(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      return json.getNodeFactory().textNode(text);
    }
  }

  private static int intField(Map<String, String> f, String name) {
    return f.containsKey(name) ? Integer.parseInt(f.get(name)) : 0;
  }

  static long now() {
    return System.currentTimeMillis() / 1000;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
