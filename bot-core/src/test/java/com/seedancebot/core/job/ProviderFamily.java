package com.seedancebot.core.job;

import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.provider.ark.ArkVideoProvider;
import com.seedancebot.core.provider.fake.FakeArkServer;
import com.seedancebot.core.provider.fake.FakeGatewayServer;
import com.seedancebot.core.provider.fake.FakeGlobalAiOpcServer;
import com.seedancebot.core.provider.fake.FakeProviderServer;
import com.seedancebot.core.provider.gateway.GatewayVideoProvider;
import com.seedancebot.core.provider.globalaiopc.GlobalAiOpcVideoProvider;
import com.seedancebot.core.provider.http.ProviderSettings;
import com.seedancebot.core.request.ModelFamily;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three Seedance API families as the fault tests use them: each starts its faithful fake and
 * builds the real HTTP client pointed at it.
 */
enum ProviderFamily {
  ARK(ModelFamily.ARK) {
    @Override
    FakeProviderServer startFake() {
      return FakeArkServer.start();
    }

    @Override
    VideoProvider newClient(ProviderSettings s, HttpClient http, JsonMapper json, Clock clock) {
      return new ArkVideoProvider(s, http, json, clock);
    }
  },
  GATEWAY(ModelFamily.GATEWAY) {
    @Override
    FakeProviderServer startFake() {
      return FakeGatewayServer.start();
    }

    @Override
    VideoProvider newClient(ProviderSettings s, HttpClient http, JsonMapper json, Clock clock) {
      return new GatewayVideoProvider(s, http, json, clock);
    }
  },
  GLOBALAIOPC(ModelFamily.GLOBALAIOPC) {
    @Override
    FakeProviderServer startFake() {
      return FakeGlobalAiOpcServer.start();
    }

    @Override
    VideoProvider newClient(ProviderSettings s, HttpClient http, JsonMapper json, Clock clock) {
      return new GlobalAiOpcVideoProvider(s, http, json, clock);
    }
  };

  /**
   * How long one HTTP exchange may take before the client gives up: every hang costs this much real
   * time, but shorter timeouts fire on ordinary answers on a loaded build machine.
   */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  final ModelFamily family;

  ProviderFamily(ModelFamily family) {
    this.family = family;
  }

  /** Starts the family's fake on a free loopback port, with the fake's default key. */
  abstract FakeProviderServer startFake();

  abstract VideoProvider newClient(
      ProviderSettings settings, HttpClient http, JsonMapper json, Clock clock);

  /** The real client for {@code fake}, presenting {@code apiKey}. */
  VideoProvider client(
      String name, FakeProviderServer fake, String apiKey, int maxConcurrent, Clock clock) {
    return newClient(
        new ProviderSettings(name, fake.baseUrl(), apiKey, maxConcurrent, REQUEST_TIMEOUT),
        HTTP,
        JSON,
        clock);
  }

  /** The real client for {@code fake} with the key the fake accepts. */
  VideoProvider client(String name, FakeProviderServer fake, int maxConcurrent, Clock clock) {
    return client(name, fake, fake.apiKey(), maxConcurrent, clock);
  }
}
