package com.seedancebot.core.provider.ark;

import com.seedancebot.core.provider.CancelOutcome;
import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.provider.VideoProviderContractTest;
import com.seedancebot.core.provider.fake.FakeArkServer;
import com.seedancebot.core.provider.fake.FakeProviderServer;
import com.seedancebot.core.provider.http.ProviderSettings;
import java.net.http.HttpClient;
import tools.jackson.databind.json.JsonMapper;

class ArkVideoProviderContractTest extends VideoProviderContractTest {

  @Override
  protected FakeProviderServer startFake(String apiKey) {
    return FakeArkServer.start(apiKey);
  }

  @Override
  protected VideoProvider newClient(ProviderSettings settings, HttpClient http, JsonMapper json) {
    return new ArkVideoProvider(settings, http, json);
  }

  @Override
  protected String modelId() {
    return "doubao-seedance-2-0-260128";
  }

  @Override
  protected String unknownTaskId() {
    return "cgt-20260101000000-zzzzz";
  }

  @Override
  protected CancelOutcome cancelOfQueuedTask() {
    return CancelOutcome.CANCELLED;
  }
}
