package com.seedancebot.app.telegram;

import com.seedancebot.app.health.TelegramHealthIndicator;
import com.seedancebot.core.chat.BotInbox;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.delivery.ChatCallListener;
import com.seedancebot.core.job.JobSettings;
import com.seedancebot.telegram.SharedDatabase;
import com.seedancebot.telegram.TelegramAdapter;
import com.seedancebot.telegram.TelegramApi;
import com.seedancebot.telegram.TelegramChatPort;
import com.seedancebot.telegram.TelegramSettings;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The Telegram surface, on when {@code TELEGRAM_BOT_TOKEN} is set: the adapter and its chat port (a
 * {@code ChatPort} bean for the core), the connection to the core's {@link BotInbox} (long polling,
 * or a webhook when {@code TELEGRAM_WEBHOOK_SECRET} and {@code BOT_PUBLIC_URL} are set) (the
 * webhook endpoint, {@link TelegramWebhookController}, is picked up by component scanning under the
 * same condition).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TelegramEnabledCondition.class)
public class TelegramConfiguration {
  private static final Logger log = LoggerFactory.getLogger(TelegramConfiguration.class);

  @Bean
  TelegramSettings telegramSettings(
      TelegramProperties p, @Value("${bot.public-url:}") String publicUrl) {
    return new TelegramSettings(
        p.token(),
        p.apiUrl(),
        p.webhookSecret(),
        publicUrl.isBlank() ? null : URI.create(publicUrl),
        p.uploadLimit().toBytes(),
        p.downloadLimit().toBytes(),
        p.albumQuietPeriod(),
        p.pollTimeout(),
        p.statusEditInterval(),
        p.groupEditsPerMinute(),
        p.adminCacheTtl(),
        p.leaseTime(),
        p.inboxRetention());
  }

  /** Not interrupted on shutdown: an interrupt during a database call closes an H2 database. */
  @Bean(destroyMethod = "shutdown")
  ScheduledExecutorService telegramScheduler() {
    return Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("telegram-"));
  }

  /**
   * Inbound updates run here, never on the polling thread or the webhook request; bounded so a
   * flood cannot exhaust memory (an update that finds the queue full stays stored and is taken up
   * by the next pass over the inbox).
   */
  @Bean(destroyMethod = "shutdown")
  ExecutorService telegramInboundExecutor() {
    return new ThreadPoolExecutor(
        4,
        4,
        1,
        TimeUnit.MINUTES,
        new ArrayBlockingQueue<>(10_000),
        new CustomizableThreadFactory("telegram-in-"),
        (task, pool) -> log.warn("Telegram inbound queue full: an update waits in the inbox"));
  }

  /**
   * Updates are received into the bot's database, shared by every instance, under the instance name
   * the job pipeline leases with.
   */
  @Bean(destroyMethod = "close")
  TelegramAdapter telegramAdapter(
      TelegramSettings settings,
      ObjectProvider<Messages> messages,
      ObjectProvider<Clock> clock,
      ScheduledExecutorService telegramScheduler,
      ExecutorService telegramInboundExecutor,
      ObjectProvider<ChatCallListener> calls,
      DataSource dataSource,
      JobSettings jobs) {
    return TelegramAdapter.create(
        settings,
        messages.getIfAvailable(Messages::new),
        clock.getIfAvailable(Clock::systemUTC),
        TelegramApi.Sleeper.threadSleep(),
        telegramScheduler,
        telegramInboundExecutor,
        calls.getIfAvailable(() -> ChatCallListener.NONE),
        new SharedDatabase(dataSource, jobs.instanceId()));
  }

  @Bean
  TelegramChatPort telegramChatPort(TelegramAdapter adapter) {
    return adapter.chatPort();
  }

  /** The {@code telegram} component of {@code /actuator/health}. */
  @Bean
  TelegramHealthIndicator telegramHealthIndicator(TelegramAdapter adapter) {
    return new TelegramHealthIndicator(adapter);
  }

  @Bean
  TelegramConnection telegramConnection(
      TelegramAdapter adapter, BotInbox inbox, ScheduledExecutorService telegramScheduler) {
    return new TelegramConnection(adapter, inbox, telegramScheduler);
  }
}
