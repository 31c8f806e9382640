package com.seedancebot.app.config;

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
import java.net.URI;
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
 * embedded simulator runs, so the bot works with no key and no network. A real provider without a
 * key stops the start with a message naming the variable to set (never the key itself).
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
      MeterRegistry meterRegistry) {
    List<VideoProvider> providers = new ArrayList<>();
    Factory factory =
        new Factory(seedance, bot, clock, providerHttpClient, simulatorRenderExecutor);
    providers.add(
        factory.create(
            seedance.provider(),
            seedance.provider(),
            seedance.baseUrl(),
            seedance.apiKey(),
            seedance.maxConcurrentTasks()));
    Set<String> names = new HashSet<>(List.of(seedance.provider()));
    for (SeedanceProperties.Extra extra : seedance.providers()) {
      String name = extra.name() == null ? extra.provider() : extra.name();
      if (!names.add(name)) {
        throw new IllegalStateException("two providers are named " + name + ": give each a name");
      }
      providers.add(
          factory.create(
              name,
              extra.provider(),
              extra.baseUrl(),
              extra.apiKey(),
              extra.maxConcurrentTasks() == null ? 3 : extra.maxConcurrentTasks()));
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
            .<VideoProvider>map(p -> new TimedVideoProvider(p, meterRegistry))
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

    VideoProvider create(String name, String kind, String baseUrl, String apiKey, int slots) {
      String k = kind == null ? "simulator" : kind.strip().toLowerCase(java.util.Locale.ROOT);
      return switch (k) {
        case "simulator" -> simulator(slots);
        case "ark" ->
            new ArkVideoProvider(
                settings(
                    name,
                    baseUrl,
                    "https://ark.cn-beijing.volces.com/api/v3",
                    apiKey,
                    slots,
                    !bot.publiclyReachable()),
                http,
                JSON,
                clock);
        case "gateway" ->
            new GatewayVideoProvider(
                settings(name, baseUrl, null, apiKey, slots, false), http, JSON, clock);
        case "globalaiopc" ->
            new GlobalAiOpcVideoProvider(
                settings(
                    name,
                    baseUrl,
                    "https://zcbservice.aizfw.cn/kyyReactApiServer",
                    apiKey,
                    slots,
                    false),
                http,
                JSON,
                clock);
        default ->
            throw new IllegalStateException(
                "SEEDANCE_PROVIDER must be one of simulator, ark, gateway, globalaiopc; was "
                    + kind);
      };
    }

    private ProviderSettings settings(
        String name, String baseUrl, String defaultUrl, String apiKey, int slots, boolean inline) {
      String url = baseUrl == null || baseUrl.isBlank() ? defaultUrl : baseUrl.strip();
      if (url == null) {
        throw new IllegalStateException(
            "Provider " + name + " needs SEEDANCE_BASE_URL (the reseller's gateway URL)");
      }
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalStateException(
            "Provider " + name + " needs an API key: set SEEDANCE_API_KEY (or ARK_API_KEY)");
      }
      return new ProviderSettings(
          name, URI.create(url), apiKey.strip(), slots, REQUEST_TIMEOUT, inline);
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
