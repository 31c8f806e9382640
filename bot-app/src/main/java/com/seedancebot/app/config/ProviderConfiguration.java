package com.seedancebot.app.config;

import com.seedancebot.app.health.ProviderHealthIndicators;
import com.seedancebot.app.metrics.TimedVideoProvider;
import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.provider.ark.ArkVideoProvider;
import com.seedancebot.core.provider.gateway.GatewayVideoProvider;
import com.seedancebot.core.provider.globalaiopc.GlobalAiOpcVideoProvider;
import com.seedancebot.core.provider.http.ProviderSettings;
import com.seedancebot.core.provider.simulator.SimulatorSettings;
import com.seedancebot.core.provider.simulator.SimulatorVideoProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the configured video providers ({@code SEEDANCE_PROVIDER} first, then the {@code
 * seedance.providers} list) and the router that picks one per model. With nothing configured the
 * embedded simulator runs, so the bot works with no key and no network. Each provider is measured
 * and watched ({@link TimedVideoProvider}). A provider's settings are read by {@link ProviderKind},
 * which {@link SettingsCheck} already ran before the context started.
 */
@Configuration(proxyBeanMethods = false)
public class ProviderConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ProviderConfiguration.class);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

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
  HttpClient providerHttpClient() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  @Bean
  ProviderRouter providerRouter(
      SeedanceProperties seedance,
      BotProperties bot,
      Clock clock,
      HttpClient providerHttpClient,
      ExecutorService simulatorRenderExecutor,
      MeterRegistry meterRegistry,
      ProviderHealthIndicators health) {
    List<VideoProvider> providers = new ArrayList<>();
    Factory factory =
        new Factory(seedance, bot, clock, providerHttpClient, simulatorRenderExecutor);
    providers.add(
        factory.create(
            seedance.provider(),
            seedance.provider(),
            seedance.baseUrl(),
            seedance.apiKey(),
            seedance.maxConcurrentTasks(),
            SettingNames.FIRST_PROVIDER));
    Set<String> names = new HashSet<>(List.of(seedance.provider()));
    for (int i = 0; i < seedance.providers().size(); i++) {
      SeedanceProperties.Extra extra = seedance.providers().get(i);
      String name = extra.name() == null ? extra.provider() : extra.name();
      if (!names.add(name)) {
        throw new InvalidSettingException(
            "seedance.providers[" + i + "].name",
            "repeats '" + name + "': give each provider a name");
      }
      providers.add(
          factory.create(
              name,
              extra.provider(),
              extra.baseUrl(),
              extra.apiKey(),
              extra.maxConcurrentTasks() == null ? 3 : extra.maxConcurrentTasks(),
              SettingNames.extraProvider(i)));
    }
    providers.forEach(
        p ->
            log.info(
                "Video provider {} ({} models, {} slots)",
                p.name(),
                p.family(),
                p.maxConcurrentTasks()));
    return new ProviderRouter(
        providers.stream()
            .<VideoProvider>map(
                p -> new TimedVideoProvider(p, meterRegistry, health.forProvider(p.name())))
            .toList());
  }

  /** Creates one provider client from its settings. */
  private record Factory(
      SeedanceProperties seedance,
      BotProperties bot,
      Clock clock,
      HttpClient http,
      ExecutorService renderExecutor) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param settings how errors name the settings: {@code SEEDANCE_*} for the first provider, the
     *     {@code seedance.providers[i]} properties for the others
     */
    VideoProvider create(
        String name, String kind, String baseUrl, String apiKey, int slots, SettingNames settings) {
      ProviderKind k = ProviderKind.parse(settings.provider(), kind);
      if (k == ProviderKind.SIMULATOR) {
        return simulator(slots);
      }
      ProviderSettings provider =
          new ProviderSettings(
              name,
              k.baseUrl(settings.baseUrl(), baseUrl),
              k.apiKey(settings.apiKey(), apiKey),
              slots,
              REQUEST_TIMEOUT,
              k == ProviderKind.ARK && !bot.publiclyReachable());
      return switch (k) {
        case ARK -> new ArkVideoProvider(provider, http, JSON, clock);
        case GATEWAY -> new GatewayVideoProvider(provider, http, JSON, clock);
        case GLOBALAIOPC -> new GlobalAiOpcVideoProvider(provider, http, JSON, clock);
        case SIMULATOR -> throw new IllegalStateException("the simulator is built above");
      };
    }

    private VideoProvider simulator(int slots) {
      var s = seedance.simulator();
      SimulatorSettings defaults = SimulatorSettings.defaults();
      return new SimulatorVideoProvider(
          bot.dataDir().resolve("simulator"),
          new SimulatorSettings(
              s.queueLatency(),
              s.runLatency(),
              s.failureRate(),
              slots,
              defaults.renderLongSide(),
              defaults.framesPerSecond()),
          clock,
          RandomGenerator.getDefault(),
          renderExecutor);
    }
  }
}
