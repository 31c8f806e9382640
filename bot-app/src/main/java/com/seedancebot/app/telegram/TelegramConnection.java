package com.seedancebot.app.telegram;

import com.seedancebot.core.chat.BotInbox;
import com.seedancebot.telegram.TelegramAdapter;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Connects the Telegram adapter to the core's inbox when the application starts and disconnects on
 * shutdown. When Telegram cannot be reached at start-up the application still starts (its health
 * says DOWN, with the cause) and the connection is retried in the background after 1 s, 2 s, 4 s, …
 * up to every 30 s. Each failure is logged with its cause, never with the token.
 */
public class TelegramConnection implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(TelegramConnection.class);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration MAX_RETRY = Duration.ofSeconds(30);

  private final TelegramAdapter adapter;
  private final BotInbox inbox;
  private final ScheduledExecutorService scheduler;
  private volatile boolean running;
  private ScheduledFuture<?> retry;
  private Duration nextRetry = FIRST_RETRY;

  public TelegramConnection(
      TelegramAdapter adapter, BotInbox inbox, ScheduledExecutorService scheduler) {
    this.adapter = adapter;
    this.inbox = inbox;
    this.scheduler = scheduler;
  }

  @Override
  public synchronized void start() {
    running = true;
    tryConnect();
  }

  private synchronized void tryConnect() {
    if (!running) {
      return;
    }
    try {
      adapter.connect(inbox);
      nextRetry = FIRST_RETRY;
      log.info("Telegram connected as @{}", adapter.identity().username().orElse("?"));
    } catch (RuntimeException e) {
      log.error("Telegram connection failed, retrying in {}: {}", nextRetry, adapter.describe(e));
      retry = scheduler.schedule(this::tryConnect, nextRetry.toMillis(), TimeUnit.MILLISECONDS);
      Duration doubled = nextRetry.multipliedBy(2);
      nextRetry = doubled.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : doubled;
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (retry != null) {
      retry.cancel(false);
    }
    adapter.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
