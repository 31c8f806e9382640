package com.seedancebot.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.seedancebot.core.chat.Messages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllChatAdministrators;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The Telegram connection's lifecycle. {@link #start()} learns the bot's username ({@code getMe}),
 * registers the command menu in English and Chinese, then either sets the webhook (with its secret)
 * and calls {@code getMe} every 30 s so that the adapter's health stays current, or deletes it and
 * starts long polling, and schedules the album and status-edit flushers. {@link #close()} stops
 * polling and the flushers. Not restartable.
 */
public final class TelegramBotRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TelegramBotRunner.class);
  private static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");

  /** In webhook mode nothing else calls Telegram regularly: this keeps the health current. */
  private static final Duration WEBHOOK_HEARTBEAT = Duration.ofSeconds(30);

  private static final List<String> COMMANDS =
      List.of("video", "jobs", "cancel", "quota", "models", "settings", "help");

  private final TelegramSettings settings;
  private final TelegramApi api;
  private final TelegramUpdateHandler handler;
  private final TelegramStatusMessages statuses;
  private final TelegramBotIdentity identity;
  private final Messages messages;
  private final OkHttpClient pollingHttp;
  private final ScheduledExecutorService scheduler;
  private final List<ScheduledFuture<?>> ticks = new ArrayList<>();
  private TelegramBotsLongPollingApplication polling;

  public TelegramBotRunner(
      TelegramSettings settings,
      TelegramApi api,
      TelegramUpdateHandler handler,
      TelegramStatusMessages statuses,
      TelegramBotIdentity identity,
      Messages messages,
      OkHttpClient http,
      ScheduledExecutorService scheduler) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.api = Objects.requireNonNull(api, "api");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.statuses = Objects.requireNonNull(statuses, "statuses");
    this.identity = Objects.requireNonNull(identity, "identity");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    // long polls hold the connection for the whole timeout
    this.pollingHttp =
        http.newBuilder()
            .readTimeout(settings.pollTimeout().plusSeconds(15))
            .callTimeout(Duration.ZERO)
            .build();
  }

  /** Connects; throws {@link TelegramCallException} when Telegram cannot be reached. */
  public synchronized void start() {
    User me = api.call("getMe", c -> c.execute(new GetMe()));
    identity.learn(me.getUserName());
    registerCommands();
    if (settings.webhookMode()) {
      api.call(
          "setWebhook",
          c ->
              c.execute(
                  SetWebhook.builder()
                      .url(settings.webhookUrl().toString())
                      .secretToken(settings.webhookSecret())
                      .allowedUpdates(ALLOWED_UPDATES)
                      .build()));
      log.info("Telegram bot @{} receives updates by webhook", me.getUserName());
      ticks.add(every(WEBHOOK_HEARTBEAT, this::heartbeat));
    } else {
      api.call("deleteWebhook", c -> c.execute(new DeleteWebhook(false)));
      startPolling();
      log.info("Telegram bot @{} receives updates by long polling", me.getUserName());
    }
    Duration albumTick = tick(settings.albumQuietPeriod().dividedBy(5));
    Duration statusTick = tick(settings.statusEditInterval().dividedBy(6));
    ticks.add(every(albumTick, handler::flushAlbums));
    ticks.add(every(statusTick, statuses::flushDue));
  }

  private void heartbeat() {
    try {
      api.call("getMe", c -> c.execute(new GetMe()));
    } catch (TelegramCallException e) {
      log.debug("Telegram heartbeat failed: {}", e.getMessage()); // the link monitor logs changes
    }
  }

  /** The bot's username once started (for the core's command parser). */
  public String botUsername() {
    return identity.username().orElse(null);
  }

  @Override
  public synchronized void close() {
    ticks.forEach(t -> t.cancel(false));
    ticks.clear();
    if (polling != null) {
      try {
        polling.close();
      } catch (Exception e) {
        log.warn("Stopping Telegram long polling failed: {}", api.describe(e));
      }
      polling = null;
    }
  }

  private void startPolling() {
    ObjectMapper json =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    polling = new TelegramBotsLongPollingApplication(() -> json, () -> pollingHttp);
    TelegramUrl url = telegramUrl(settings);
    int timeout = (int) Math.max(1, settings.pollTimeout().toSeconds());
    try {
      polling.registerBot(
          settings.token(),
          () -> url,
          last ->
              GetUpdates.builder()
                  .offset(last + 1)
                  .limit(100)
                  .timeout(timeout)
                  .allowedUpdates(ALLOWED_UPDATES)
                  .build(),
          handler::handleAll);
    } catch (TelegramApiException e) {
      throw new TelegramCallException(
          "could not start Telegram long polling: " + api.describe(e),
          0,
          null,
          true,
          null,
          new TokenRedactor(settings.token()).redact(e));
    }
  }

  /**
   * Everyone's menu has the user commands; chat administrators' menu adds {@code /admin} (Telegram
   * shows the most specific scope's list, so it repeats the user commands).
   */
  private void registerCommands() {
    List<String> adminCommands = new ArrayList<>(COMMANDS);
    adminCommands.add("admin");
    registerCommands(COMMANDS, new BotCommandScopeDefault());
    registerCommands(adminCommands, new BotCommandScopeAllChatAdministrators());
  }

  private void registerCommands(List<String> names, BotCommandScope scope) {
    for (Locale language : List.of(Locale.ENGLISH, Locale.CHINESE)) {
      List<BotCommand> commands =
          names.stream()
              .map(c -> new BotCommand(c, messages.get(language, "telegram.command." + c)))
              .toList();
      SetMyCommands.SetMyCommandsBuilder<?, ?> request =
          SetMyCommands.builder().commands(commands).scope(scope);
      if (language == Locale.CHINESE) {
        request.languageCode("zh");
      }
      try {
        api.call("setMyCommands", c -> c.execute(request.build()));
      } catch (TelegramCallException e) {
        log.warn("Could not register the {} command menu: {}", language, e.getMessage());
      }
    }
  }

  private ScheduledFuture<?> every(Duration period, Runnable task) {
    Runnable safe =
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            log.error("Telegram background task failed: {}", api.describe(e));
          }
        };
    return scheduler.scheduleWithFixedDelay(
        safe, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Duration tick(Duration wanted) {
    return wanted.compareTo(Duration.ofMillis(20)) < 0 ? Duration.ofMillis(20) : wanted;
  }

  /** The TelegramBots URL for the configured Bot API server (scheme, host, port). */
  public static TelegramUrl telegramUrl(TelegramSettings settings) {
    var uri = settings.apiUrl();
    int port = uri.getPort() > 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
    return new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
  }
}
