package com.seedancebot.app.health;

import com.seedancebot.app.config.BotProperties;
import com.seedancebot.core.provider.ProviderRouter;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.application.DiskSpaceHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The bot's own components of {@code /actuator/health} besides the chat platforms' (which their
 * configurations add) and the database's (Spring Boot's {@code db}): {@code providers}, one entry
 * per configured provider, and {@code storage}, the free space of {@code BOT_DATA_DIR} (DOWN below
 * {@code management.health.diskspace.threshold}, 100MB unless set).
 */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

  @Bean
  ProviderHealthIndicators providerHealthIndicators(Clock clock) {
    return new ProviderHealthIndicators(clock);
  }

  /** The {@code providers} component; made after the router, which registers every provider. */
  @Bean
  HealthContributor providersHealthContributor(
      ProviderRouter router, ProviderHealthIndicators indicators) {
    router.all().forEach(p -> indicators.forProvider(p.name()));
    return indicators.contributor();
  }

  /** The {@code storage} component. */
  @Bean
  DiskSpaceHealthIndicator storageHealthIndicator(
      BotProperties bot,
      @Value("${management.health.diskspace.threshold:100MB}") DataSize threshold) {
    return new DiskSpaceHealthIndicator(bot.dataDir().toFile(), threshold);
  }
}
