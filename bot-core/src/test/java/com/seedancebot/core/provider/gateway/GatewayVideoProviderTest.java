package com.seedancebot.core.provider.gateway;

import static com.seedancebot.core.provider.ProviderRequests.media;
import static com.seedancebot.core.provider.ProviderRequests.request;
import static com.seedancebot.core.provider.ProviderRequests.withMedia;
import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.provider.ProviderTask;
import com.seedancebot.core.provider.SubmitRequest;
import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.provider.fake.FakeGatewayServer;
import com.seedancebot.core.provider.fake.FakeMediaHost;
import com.seedancebot.core.provider.fake.RecordedRequest;
import com.seedancebot.core.provider.fake.SampleMedia;
import com.seedancebot.core.provider.http.ProviderSettings;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.MediaKind;
import com.seedancebot.core.request.MediaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Gateway specifics: the exact JSON sent (field for field vs PROVIDERS.md §2) and the poll. */
class GatewayVideoProviderTest {

  private static final String MODEL = "doubao-seedance-2.0";
  private final JsonMapper json = JsonMapper.builder().build();
  private FakeGatewayServer fake;
  private FakeMediaHost assets;
  private GatewayVideoProvider gateway;

  @BeforeEach
  void start() {
    fake = FakeGatewayServer.start("gw-key");
    assets = FakeMediaHost.start();
    gateway =
        new GatewayVideoProvider(
            new ProviderSettings("gw", fake.baseUrl(), "gw-key", 3, Duration.ofSeconds(10)),
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
            json);
  }

  @AfterEach
  void stop() {
    fake.close();
    assets.close();
  }

  @Test
  void textToVideoSendsTheGatewaysFieldsAndNothingArkOnly() {
    GenerationRequest r =
        new GenerationRequest(
            MODEL, "A kitten yawning", 8, "21:9", "1080p", true, 42L, true, true, true, List.of());

    gateway.submit(new SubmitRequest(r, List.of(), "https://bot.example/cb", "telegram:1"));

    RecordedRequest sent = fake.lastRequest();
    assertThat(sent.path()).isEqualTo("/v1/videos/generations");
    assertThat(sent.json())
        .isEqualTo(
            json.readTree(
                """
                {"model":"doubao-seedance-2.0","prompt":"A kitten yawning","duration":8,
                 "size":"21:9","resolution":"1080p","seed":42,"generate_audio":true,
                 "return_last_frame":true,"tools":[{"type":"web_search"}]}
                """));
  }

  @Test
  void theOnePointZeroModelsUseAspectRatioAndHaveNoSound() {
    GenerationRequest r =
        new GenerationRequest(
            "doubao-seedance-1-0-pro-fast",
            "Sunset",
            5,
            "9:16",
            "1080p",
            false,
            null,
            false,
            false,
            false,
            List.of());

    gateway.submit(new SubmitRequest(r, List.of(), null, null));

    assertThat(fake.lastRequest().json())
        .isEqualTo(
            json.readTree(
                """
                {"model":"doubao-seedance-1-0-pro-fast","prompt":"Sunset","duration":5,
                 "aspect_ratio":"9:16","resolution":"1080p","return_last_frame":false}
                """));
  }

  @Test
  void aSingleFirstFrameGoesToImageUrls() {
    URI first = image("first");

    gateway.submit(
        withMedia(request(MODEL, "Walk"), media(MediaRole.FIRST_FRAME, MediaKind.IMAGE, first)));

    assertThat(fake.lastRequest().json().get("image_urls"))
        .isEqualTo(json.readTree("[\"" + first + "\"]"));
    assertThat(fake.lastRequest().json().has("image_with_roles")).isFalse();
  }

  @Test
  void firstAndLastFramesGoToImageWithRoles() {
    URI first = image("first");
    URI last = image("last");

    gateway.submit(
        withMedia(
            request(MODEL, "Day to night"),
            media(MediaRole.FIRST_FRAME, MediaKind.IMAGE, first),
            media(MediaRole.LAST_FRAME, MediaKind.IMAGE, last)));

    assertThat(fake.lastRequest().json().get("image_with_roles"))
        .isEqualTo(
            json.readTree(
                """
                [{"url":"%s","role":"first_frame"},{"url":"%s","role":"last_frame"}]
                """
                    .formatted(first, last)));
    assertThat(fake.lastRequest().json().has("image_urls")).isFalse();
  }

  @Test
  void referencesOfEveryKindGoToTheirUrlLists() {
    URI a = image("a");
    URI b = image("b");
    URI video = assets.publish("v.mp4", SampleMedia.mp4(), "video/mp4");
    URI audio = assets.publish("a.mp3", new byte[] {1, 2}, "audio/mpeg");

    gateway.submit(
        withMedia(
            request(MODEL, "An ad"),
            media(MediaRole.REFERENCE, MediaKind.IMAGE, a),
            media(MediaRole.REFERENCE, MediaKind.IMAGE, b),
            media(MediaRole.REFERENCE, MediaKind.VIDEO, video),
            media(MediaRole.REFERENCE, MediaKind.AUDIO, audio)));

    var body = fake.lastRequest().json();
    assertThat(body.get("image_urls")).isEqualTo(json.readTree("[\"" + a + "\",\"" + b + "\"]"));
    assertThat(body.get("video_urls")).isEqualTo(json.readTree("[\"" + video + "\"]"));
    assertThat(body.get("audio_urls")).isEqualTo(json.readTree("[\"" + audio + "\"]"));
    assertThat(fake.fetchedMedia()).hasSize(4).allSatisfy(m -> assertThat(m.ok()).isTrue());
  }

  @Test
  void aSingleReferenceImageKeepsItsRole() {
    URI ref = image("ref");

    gateway.submit(
        withMedia(request(MODEL, "Portrait"), media(MediaRole.REFERENCE, MediaKind.IMAGE, ref)));

    assertThat(fake.lastRequest().json().get("image_with_roles"))
        .isEqualTo(json.readTree("[{\"url\":\"" + ref + "\",\"role\":\"reference_image\"}]"));
  }

  @Test
  void pollAsksForEachTaskInEnglishAndReadsProgressAndTheLastFrame() {
    GenerationRequest r =
        new GenerationRequest(
            MODEL, "x", 5, "16:9", "720p", true, null, true, false, false, List.of());
    String id = gateway.submit(new SubmitRequest(r, List.of(), null, null));

    ProviderTask running = gateway.poll(List.of(id)).get(id);
    ProviderTask done = gateway.poll(List.of(id)).get(id);

    RecordedRequest get = fake.lastRequest();
    assertThat(id).startsWith("task_");
    assertThat(get.method()).isEqualTo("GET");
    assertThat(get.path()).isEqualTo("/v1/tasks/" + id);
    assertThat(get.queryValue("language")).isEqualTo("en");
    assertThat(running.progress()).isEqualTo(50);
    assertThat(done.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(done.progress()).isEqualTo(100);
    assertThat(done.lastFrameUrl()).isNotNull();
  }

  private URI image(String name) {
    return assets.publish(name + ".png", SampleMedia.png(640, 360), "image/png");
  }
}
