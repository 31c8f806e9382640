package com.seedancebot.telegram;

import com.seedancebot.core.chat.CommandNames;
import com.seedancebot.core.chat.Messages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllChatAdministrators;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;

/**
 * The Telegram connection's lifecycle. {@link #start()} learns the bot's username ({@code getMe}),
 * registers the command menu in English and Chinese, takes up the updates this instance left
 * unfinished, starts the {@link UpdateSource} (webhook or long polling) and schedules the periodic
 * work: a heartbeat in webhook mode, the intake's drain (settled albums, updates nobody holds),
 * lease renewals and pruning, and the status-edit flusher. {@link #close()} stops the source and
 * the periodic work. Not restartable.
 */
public final class TelegramBotRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TelegramBotRunner.class);

  /** The update types the bot asks for, by webhook and by long polling alike. */
  static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");

  private static final Duration PRUNE_INTERVAL = Duration.ofMinutes(10);

  /** In webhook mode nothing else calls Telegram regularly: this keeps the health current. */
  private static final Duration WEBHOOK_HEARTBEAT = Duration.ofSeconds(30);

  private static final List<String> COMMANDS = CommandNames.known();

  private final TelegramSettings settings;
  private final TelegramApi api;
  private final UpdateIntake intake;
  private final UpdateSource source;
  private final TelegramStatusMessages statuses;
  private final TelegramBotIdentity identity;
  private final Messages messages;
  private final ScheduledExecutorService scheduler;
  private final List<ScheduledFuture<?>> ticks = new ArrayList<>();

  TelegramBotRunner(
      TelegramSettings settings,
      TelegramApi api,
      UpdateIntake intake,
      UpdateSource source,
      TelegramStatusMessages statuses,
      TelegramBotIdentity identity,
      Messages messages,
      ScheduledExecutorService scheduler) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.api = Objects.requireNonNull(api, "api");
    this.intake = Objects.requireNonNull(intake, "intake");
    this.source = Objects.requireNonNull(source, "source");
    this.statuses = Objects.requireNonNull(statuses, "statuses");
    this.identity = Objects.requireNonNull(identity, "identity");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
  }

  /** Connects; throws {@link TelegramCallException} when Telegram cannot be reached. */
  public synchronized void start() {
    User me = api.call("getMe", c -> c.execute(new GetMe()));
    identity.learn(me.getUserName());
    registerCommands();
    intake.start();
    source.start();
    log.info("Telegram bot @{} {}", me.getUserName(), source.describe());
    if (settings.webhookMode()) {
      ticks.add(every(WEBHOOK_HEARTBEAT, this::heartbeat));
    }
    ticks.add(every(tick(settings.albumQuietPeriod().dividedBy(5)), intake::drain));
    ticks.add(every(settings.leaseTime().dividedBy(3), intake::renewLeases));
    ticks.add(every(PRUNE_INTERVAL, intake::prune));
    ticks.add(every(tick(settings.statusEditInterval().dividedBy(6)), statuses::flushDue));
  }

  private void heartbeat() {
    try {
      api.call("getMe", c -> c.execute(new GetMe()));
    } catch (TelegramCallException e) {
      log.debug("Telegram heartbeat failed: {}", e.getMessage()); // the link monitor logs changes
    }
  }

  /** How this instance receives updates now (for health details). */
  String describe() {
    return source.describe();
  }

  @Override
  public synchronized void close() {
    ticks.forEach(t -> t.cancel(false));
    ticks.clear();
    source.close();
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
