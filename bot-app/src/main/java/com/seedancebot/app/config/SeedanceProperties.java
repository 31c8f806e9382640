package com.seedancebot.app.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code seedance} settings: which provider family runs videos ({@code SEEDANCE_PROVIDER}),
 * where it is ({@code SEEDANCE_BASE_URL}), its key ({@code SEEDANCE_API_KEY} or {@code
 * ARK_API_KEY}, never logged), the default model ({@code SEEDANCE_MODEL}), the concurrency the
 * account grants, and the simulator's behaviour. {@code providers} lists further providers (in
 * {@code application.yml}) that run beside the first.
 */
@ConfigurationProperties("seedance")
public record SeedanceProperties(
    String provider,
    String baseUrl,
    String apiKey,
    String model,
    Integer maxConcurrentTasks,
    Simulator simulator,
    List<Extra> providers,
    Prices prices) {

  public SeedanceProperties {
    provider =
        provider == null || provider.isBlank() ? "simulator" : provider.strip().toLowerCase();
    maxConcurrentTasks = maxConcurrentTasks == null ? 3 : maxConcurrentTasks;
    if (maxConcurrentTasks < 1) {
      throw new InvalidSettingException(
          "seedance.max-concurrent-tasks", "is " + maxConcurrentTasks + ": it must be at least 1");
    }
    simulator = simulator == null ? new Simulator(null, null, null) : simulator;
    providers = providers == null ? List.of() : List.copyOf(providers);
    prices = prices == null ? new Prices(null, null) : prices;
  }

  /**
   * Prices per million tokens, by model id (configuration, not code: they differ per account and
   * region). Ids with dots need brackets in YAML: {@code "[doubao-seedance-2.0]"}.
   */
  public record Prices(String currency, java.util.Map<String, Price> models) {
    public Prices {
      currency = currency == null ? "" : currency;
      models = models == null ? java.util.Map.of() : java.util.Map.copyOf(models);
    }

    public com.seedancebot.core.request.PriceTable toTable() {
      if (models.isEmpty()) {
        return com.seedancebot.core.request.PriceTable.none();
      }
      java.util.Map<String, com.seedancebot.core.request.ModelPrice> table =
          new java.util.HashMap<>();
      models.forEach(
          (id, p) ->
              table.put(
                  id,
                  new com.seedancebot.core.request.ModelPrice(
                      p.perMillionTokens(), p.withoutAudio(), p.withReferenceVideo())));
      return new com.seedancebot.core.request.PriceTable(currency, table);
    }
  }

  /** One model's price per million tokens; the optional variants apply when they fit. */
  public record Price(
      java.math.BigDecimal perMillionTokens,
      java.math.BigDecimal withoutAudio,
      java.math.BigDecimal withReferenceVideo) {}

  /** How the embedded simulator behaves. */
  public record Simulator(Duration queueLatency, Duration runLatency, Double failureRate) {
    public Simulator {
      queueLatency = queueLatency == null ? Duration.ofSeconds(1) : queueLatency;
      runLatency = runLatency == null ? Duration.ofSeconds(3) : runLatency;
      failureRate = failureRate == null ? 0.0 : failureRate;
      if (failureRate < 0 || failureRate > 1) {
        throw new InvalidSettingException(
            "seedance.simulator.failure-rate", "is " + failureRate + ": it must be within 0..1");
      }
    }
  }

  /** A further provider: same fields as the first one. */
  public record Extra(
      String name, String provider, String baseUrl, String apiKey, Integer maxConcurrentTasks) {}

  @Override
  public String toString() {
    return "SeedanceProperties[provider="
        + provider
        + ", baseUrl="
        + baseUrl
        + ", model="
        + model
        + ", apiKey="
        + (apiKey == null || apiKey.isBlank() ? "unset" : "***")
        + "]";
  }
}
