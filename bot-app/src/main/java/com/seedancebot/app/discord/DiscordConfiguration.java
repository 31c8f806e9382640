package com.seedancebot.app.discord;

import com.seedancebot.app.health.DiscordHealthIndicator;
import com.seedancebot.core.chat.BotInbox;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.delivery.ChatCallListener;
import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.request.ModelFamily;
import com.seedancebot.discord.AttachmentRules;
import com.seedancebot.discord.DiscordBotRunner;
import com.seedancebot.discord.DiscordChatPort;
import com.seedancebot.discord.DiscordCommandReader;
import com.seedancebot.discord.DiscordCommands;
import com.seedancebot.discord.DiscordSettings;
import com.seedancebot.discord.InteractionRegistry;
import com.seedancebot.discord.ModelChoices;
import com.seedancebot.discord.SlashCommandListener;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.InteractionHook;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The Discord adapter's beans, present only when {@code bot.discord.token} is set: the chat port (a
 * {@code ChatPort} for the core's delivery), the interaction listener (needs the application's
 * {@link BotInbox}), and a lifecycle that connects after the context is ready and disconnects first
 * on shutdown. Uses the application's {@link Clock}, {@link Messages} and {@link ModelCatalog}
 * beans when present.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DiscordConfiguration.TokenPresent.class)
public class DiscordConfiguration {

  /** Matches when {@code bot.discord.token} has text. */
  static final class TokenPresent implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return StringUtils.hasText(context.getEnvironment().getProperty("bot.discord.token"));
    }
  }

  @Bean
  DiscordSettings discordSettings(DiscordProperties properties) {
    return properties.toSettings();
  }

  @Bean
  InteractionRegistry<InteractionHook> discordInteractions(ObjectProvider<Clock> clock) {
    return new InteractionRegistry<>(clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean(destroyMethod = "close")
  DiscordBotRunner discordBotRunner(
      DiscordSettings settings,
      ObjectProvider<Messages> messages,
      ObjectProvider<ChatCallListener> calls) {
    return new DiscordBotRunner(
        settings,
        new DiscordCommands(messages.getIfAvailable(Messages::new)).all(),
        calls.getIfAvailable(() -> ChatCallListener.NONE));
  }

  /** The {@code discord} component of {@code /actuator/health}. */
  @Bean
  DiscordHealthIndicator discordHealthIndicator(DiscordBotRunner runner) {
    return new DiscordHealthIndicator(runner);
  }

  @Bean
  DiscordChatPort discordChatPort(
      DiscordBotRunner runner,
      InteractionRegistry<InteractionHook> interactions,
      ObjectProvider<Messages> messages,
      DiscordSettings settings) {
    return new DiscordChatPort(
        runner::shardFor, interactions, messages.getIfAvailable(Messages::new), settings);
  }

  @Bean(destroyMethod = "shutdown")
  ExecutorService discordInteractionExecutor(DiscordProperties properties) {
    AtomicInteger count = new AtomicInteger();
    int threads = Math.max(1, properties.threads());
    // Bounded: when the core is saturated the user is told to retry instead of waiting forever.
    return new ThreadPoolExecutor(
        threads,
        threads,
        0,
        TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(200),
        r -> {
          Thread thread = new Thread(r, "discord-inbox-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  @Bean
  SlashCommandListener discordListener(
      BotInbox inbox,
      DiscordSettings settings,
      InteractionRegistry<InteractionHook> interactions,
      ObjectProvider<ModelCatalog> catalog,
      ObjectProvider<ProviderRouter> router,
      ObjectProvider<Messages> messages,
      ExecutorService discordInteractionExecutor) {
    Messages texts = messages.getIfAvailable(Messages::new);
    // Offer the models of the configured providers only (all of the catalogue without a router).
    Set<ModelFamily> families =
        router.stream().flatMap(r -> r.families().stream()).collect(Collectors.toSet());
    return new SlashCommandListener(
        inbox,
        new DiscordCommandReader(texts, new AttachmentRules(settings.attachmentLimits())),
        interactions,
        new ModelChoices(catalog.getIfAvailable(ModelCatalog::standard), families),
        texts,
        discordInteractionExecutor);
  }

  @Bean
  SmartLifecycle discordConnection(DiscordBotRunner runner, SlashCommandListener listener) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        runner.start(List.of(listener));
        running = true;
      }

      @Override
      public void stop() {
        runner.close();
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }
    };
  }
}
