package com.seedancebot.core.provider.gateway;

import com.seedancebot.core.provider.CancelOutcome;
import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.provider.VideoProviderContractTest;
import com.seedancebot.core.provider.fake.FakeGatewayServer;
import com.seedancebot.core.provider.fake.FakeProviderServer;
import com.seedancebot.core.provider.http.ProviderSettings;
import java.net.http.HttpClient;
import tools.jackson.databind.json.JsonMapper;

class GatewayVideoProviderContractTest extends VideoProviderContractTest {

  @Override
  protected FakeProviderServer startFake(String apiKey) {
    return FakeGatewayServer.start(apiKey);
  }

  @Override
  protected VideoProvider newClient(ProviderSettings settings, HttpClient http, JsonMapper json) {
    return new GatewayVideoProvider(settings, http, json);
  }

  @Override
  protected String modelId() {
    return "doubao-seedance-2.0";
  }

  @Override
  protected String unknownTaskId() {
    return "task_01ZZZZZZZZZZZZZZZZZZZZZZZZ";
  }

  @Override
  protected CancelOutcome cancelOfQueuedTask() {
    return CancelOutcome.NOT_SUPPORTED;
  }
}
