package com.seedancebot.app.config;

import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.provider.simulator.SimulatorSettings;
import com.seedancebot.core.provider.simulator.SimulatorVideoProvider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the configured video providers ({@code SEEDANCE_PROVIDER} first, then the {@code
 * seedance.providers} list) and the router that picks one per model. With nothing configured the
 * embedded simulator runs, so the bot works with no key and no network.
 */
@Configuration(proxyBeanMethods = false)
public class ProviderConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ProviderConfiguration.class);

  @Bean(destroyMethod = "shutdownNow")
  ExecutorService simulatorRenderExecutor() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "simulator-render");
          t.setDaemon(true);
          return t;
        });
  }

  @Bean
  ProviderRouter providerRouter(
      SeedanceProperties seedance,
      BotProperties bot,
      Clock clock,
      ExecutorService simulatorRenderExecutor) {
    List<VideoProvider> providers = new ArrayList<>();
    providers.add(create(seedance.provider(), seedance, bot, clock, simulatorRenderExecutor));
    log.info("Video provider: {}", providers.get(0).name());
    return new ProviderRouter(providers);
  }

  private VideoProvider create(
      String kind,
      SeedanceProperties seedance,
      BotProperties bot,
      Clock clock,
      ExecutorService renderExecutor) {
    return switch (kind) {
      case "simulator" -> simulator(seedance, bot, clock, renderExecutor);
      default ->
          throw new IllegalStateException(
              "SEEDANCE_PROVIDER must be one of simulator, ark, gateway, globalaiopc; was " + kind);
    };
  }

  private VideoProvider simulator(
      SeedanceProperties seedance, BotProperties bot, Clock clock, ExecutorService renderExecutor) {
    var s = seedance.simulator();
    SimulatorSettings defaults = SimulatorSettings.defaults();
    SimulatorSettings settings =
        new SimulatorSettings(
            s.queueLatency(),
            s.runLatency(),
            s.failureRate(),
            seedance.maxConcurrentTasks(),
            defaults.renderLongSide(),
            defaults.framesPerSecond());
    return new SimulatorVideoProvider(
        bot.dataDir().resolve("simulator"),
        settings,
        clock,
        RandomGenerator.getDefault(),
        renderExecutor);
  }
}
