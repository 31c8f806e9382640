package com.seedancebot.core.provider.ark;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.provider.ProviderRequests;
import com.seedancebot.core.provider.ProviderTask;
import com.seedancebot.core.provider.SubmitRequest;
import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.provider.fake.CallbackAttempt;
import com.seedancebot.core.provider.fake.FakeArkServer;
import com.seedancebot.core.provider.fake.Progression;
import com.seedancebot.core.provider.http.ProviderSettings;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The fake Ark POSTs the task body to callback_url; {@link ArkTaskJson} reads it. */
class ArkCallbackTest {

  private final JsonMapper json = JsonMapper.builder().build();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private FakeArkServer fake;
  private HttpServer receiver;

  @BeforeEach
  void start() throws IOException {
    fake = FakeArkServer.start("k");
    fake.setProgression(Progression.MANUAL);
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/callbacks/",
        ex -> {
          received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    fake.close();
    receiver.stop(0);
  }

  @Test
  void everyStatusChangeIsPostedAndParsesLikeAGet() throws Exception {
    ArkVideoProvider ark =
        new ArkVideoProvider(
            new ProviderSettings("ark", fake.baseUrl(), "k", 1, Duration.ofSeconds(5)),
            HttpClient.newHttpClient(),
            json);
    String callback =
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/callbacks/s3cr3t-token";
    String id =
        ark.submit(
            new SubmitRequest(
                ProviderRequests.request("doubao-seedance-2-0-260128", "x"),
                List.of(),
                callback,
                null));

    fake.advance(id);
    fake.advance(id);
    List<CallbackAttempt> attempts = fake.awaitCallbacks(2, Duration.ofSeconds(10));

    assertThat(attempts)
        .extracting(CallbackAttempt::status, CallbackAttempt::httpStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("running", 200),
            org.assertj.core.groups.Tuple.tuple("succeeded", 200));
    assertThat(received).hasSize(2);
    ProviderTask running = ArkTaskJson.parse(received.get(0), json);
    ProviderTask done = ArkTaskJson.parse(received.get(1), json);
    assertThat(running.taskId()).isEqualTo(id);
    assertThat(running.state()).isEqualTo(TaskState.RUNNING);
    assertThat(done.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(done.videoUrl()).isEqualTo(ark.poll(List.of(id)).get(id).videoUrl());
  }
}
