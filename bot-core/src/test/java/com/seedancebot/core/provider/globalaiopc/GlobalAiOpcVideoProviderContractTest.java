package com.seedancebot.core.provider.globalaiopc;

import com.seedancebot.core.provider.CancelOutcome;
import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.provider.VideoProviderContractTest;
import com.seedancebot.core.provider.fake.FakeGlobalAiOpcServer;
import com.seedancebot.core.provider.fake.FakeProviderServer;
import com.seedancebot.core.provider.http.ProviderSettings;
import java.net.http.HttpClient;
import tools.jackson.databind.json.JsonMapper;

class GlobalAiOpcVideoProviderContractTest extends VideoProviderContractTest {

  @Override
  protected FakeProviderServer startFake(String apiKey) {
    return FakeGlobalAiOpcServer.start(apiKey);
  }

  @Override
  protected VideoProvider newClient(ProviderSettings settings, HttpClient http, JsonMapper json) {
    return new GlobalAiOpcVideoProvider(settings, http, json);
  }

  @Override
  protected String modelId() {
    return "seedance_2_0_pro";
  }

  @Override
  protected String unknownTaskId() {
    return "video_00000000-0000-0000-0000-000000000000";
  }

  @Override
  protected CancelOutcome cancelOfQueuedTask() {
    return CancelOutcome.NOT_SUPPORTED;
  }
}
