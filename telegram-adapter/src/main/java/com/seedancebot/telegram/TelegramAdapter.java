package com.seedancebot.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import com.seedancebot.core.chat.BotInbox;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.delivery.ChatCallListener;
import com.seedancebot.telegram.store.JdbcPollerLease;
import com.seedancebot.telegram.store.JdbcUpdateInbox;
import com.seedancebot.telegram.store.JdbcWebhookRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/**
 * The Telegram surface assembled from its settings, in two steps because the core needs the chat
 * port before it can offer its inbox: {@link #create} builds the outbound side ({@link
 * #chatPort()}); {@link #connect(BotInbox)} builds the inbound side and starts receiving updates
 * (long polling or webhook) into the inbox in the {@link SharedDatabase}, where every update is
 * processed once however many instances receive it. {@link #status()} says whether updates can be
 * taken now, for health checks. {@link #close()} stops receiving. The executors belong to the
 * caller.
 */
public final class TelegramAdapter implements AutoCloseable {
  private static final int MAX_ATTEMPTS = 3;
  private static final Duration MAX_INLINE_WAIT = Duration.ofSeconds(30);

  /** Longer waits for the sending budget go back to the core, which retries the step later. */
  private static final Duration MAX_BUDGET_WAIT = Duration.ofSeconds(2);

  private final TelegramSettings settings;
  private final Messages messages;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Executor inbound;
  private final SharedDatabase shared;
  private final TokenRedactor redactor;
  private final ObjectMapper updateJson =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private final OkHttpClient http;
  private final TelegramApi api;
  private final TelegramFiles files;
  private final ChatAdmins admins;
  private final UserLanguages languages;
  private final TelegramStatusMessages statuses;
  private final TelegramChatPort chatPort;
  private final TelegramBotIdentity identity = new TelegramBotIdentity();
  private final TelegramLinkMonitor link;
  private volatile TelegramWebhookHandler webhook;
  private volatile TelegramBotRunner runner;

  private TelegramAdapter(
      TelegramSettings settings,
      Messages messages,
      Clock clock,
      TelegramApi.Sleeper sleeper,
      ScheduledExecutorService scheduler,
      Executor inbound,
      ChatCallListener calls,
      SharedDatabase shared) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.inbound = Objects.requireNonNull(inbound, "inbound");
    this.shared = Objects.requireNonNull(shared, "shared");
    this.redactor = new TokenRedactor(settings.token());
    this.link = new TelegramLinkMonitor(redactor);
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(75))
            .writeTimeout(Duration.ofSeconds(60))
            .addInterceptor(link) // long polling's client is built from this one and keeps it
            .addInterceptor(new TelegramCallMeter(calls))
            .build();
    var client =
        new OkHttpTelegramClient(http, settings.token(), TelegramBotRunner.telegramUrl(settings));
    this.api = new TelegramApi(client, redactor, sleeper, MAX_ATTEMPTS, MAX_INLINE_WAIT);
    HttpUrl base = HttpUrl.get(settings.apiUrl().toString());
    this.files = new TelegramFiles(api, http, base, settings.token(), redactor);
    Ticker ticker = () -> Duration.ofMillis(clock.millis()).toNanos();
    this.admins = new ChatAdmins(api, settings.adminCacheTtl(), ticker);
    this.languages = new UserLanguages(Duration.ofDays(7), ticker);
    TelegramKeyboards keyboards = new TelegramKeyboards(messages);
    EditThrottle throttle =
        new EditThrottle(clock, settings.statusEditInterval(), settings.groupEditsPerMinute());
    TelegramSendBudget budget = new TelegramSendBudget(clock, sleeper, MAX_BUDGET_WAIT);
    this.statuses = new TelegramStatusMessages(api, throttle, budget, keyboards, languages, clock);
    this.chatPort =
        new TelegramChatPort(
            api, statuses, budget, keyboards, languages, messages, settings.uploadLimitBytes());
  }

  /**
   * The outbound side, ready for the core.
   *
   * @param sleeper how 429 waits are spent ({@link TelegramApi.Sleeper#threadSleep()} in
   *     production)
   * @param scheduler runs the periodic work (albums, leases, status edits)
   * @param inbound runs every inbound update, off the polling thread and the webhook request
   * @param shared where updates are received and claimed, and this instance's name there
   * @param calls told about every exchange with the Bot API server (monitoring)
   */
  public static TelegramAdapter create(
      TelegramSettings settings,
      Messages messages,
      Clock clock,
      TelegramApi.Sleeper sleeper,
      ScheduledExecutorService scheduler,
      Executor inbound,
      ChatCallListener calls,
      SharedDatabase shared) {
    return new TelegramAdapter(
        settings, messages, clock, sleeper, scheduler, inbound, calls, shared);
  }

  public TelegramChatPort chatPort() {
    return chatPort;
  }

  /** The status-message publisher (its flusher runs once connected; tests drive it by hand). */
  TelegramStatusMessages statusMessages() {
    return statuses;
  }

  /** The bot's username, known once connected. */
  public TelegramBotIdentity identity() {
    return identity;
  }

  /** The webhook endpoint's logic, or null before {@link #connect}. */
  public TelegramWebhookHandler webhook() {
    return webhook;
  }

  /**
   * Whether updates can be taken now: up once {@link #connect} succeeded (the webhook is registered
   * and its handler in place, or long polling runs here or stands by for another instance) while
   * the last exchange with the Bot API server worked; down, with the cause, before that and while
   * Telegram cannot be reached.
   */
  public TelegramStatus status() {
    String problem = link.problem();
    if (runner == null) {
      return new TelegramStatus(false, problem == null ? "not connected yet" : problem);
    }
    if (problem != null) {
      return new TelegramStatus(false, problem);
    }
    return new TelegramStatus(
        true, "@" + identity.username().orElse("?") + " " + runner.describe());
  }

  /** A failure in one token-free line, with its causes (for log lines of the application). */
  public String describe(Throwable failure) {
    return api.describe(failure);
  }

  /** Starts receiving updates for {@code inbox}; throws when Telegram cannot be reached. */
  public synchronized void connect(BotInbox inbox) {
    if (runner != null) {
      throw new IllegalStateException("already connected");
    }
    TelegramUpdateHandler handler =
        new TelegramUpdateHandler(
            inbox,
            new TelegramCommandReader(admins),
            files,
            api,
            chatPort,
            identity,
            languages,
            messages,
            settings.downloadLimitBytes());
    DataSource db = shared.dataSource();
    String owner = shared.instanceId();
    UpdateIntake intake =
        new UpdateIntake(
            new JdbcUpdateInbox(db, settings.botId()),
            handler,
            updateJson,
            inbound,
            clock,
            owner,
            settings);
    TelegramBotRunner started =
        new TelegramBotRunner(
            settings, api, intake, source(intake), statuses, identity, messages, scheduler);
    // in place before setWebhook: Telegram may post the first update at once
    webhook = new TelegramWebhookHandler(settings.webhookSecret(), intake, updateJson);
    try {
      started.start();
    } catch (RuntimeException e) {
      webhook = null;
      started.close();
      throw e;
    }
    runner = started;
  }

  private UpdateSource source(UpdateIntake intake) {
    List<String> updates = TelegramBotRunner.ALLOWED_UPDATES;
    DataSource db = shared.dataSource();
    if (settings.webhookMode()) {
      return new TelegramWebhookRegistration(
          api, new JdbcWebhookRecord(db, settings.botId()), settings, updates, clock);
    }
    // long polls hold the connection for the whole timeout
    OkHttpClient polling =
        http.newBuilder()
            .readTimeout(settings.pollTimeout().plusSeconds(15))
            .callTimeout(Duration.ZERO)
            .build();
    return new TelegramLongPoller(
        api,
        polling,
        redactor,
        new JdbcPollerLease(db, settings.botId()),
        intake,
        updateJson,
        clock,
        settings,
        updates,
        shared.instanceId());
  }

  @Override
  public synchronized void close() {
    webhook = null;
    if (runner != null) {
      runner.close();
      runner = null;
    }
  }
}
