package com.seedancebot.core.provider.globalaiopc;

import static com.seedancebot.core.provider.ProviderRequests.media;
import static com.seedancebot.core.provider.ProviderRequests.request;
import static com.seedancebot.core.provider.ProviderRequests.withMedia;
import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.provider.ProviderTask;
import com.seedancebot.core.provider.SubmitRequest;
import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.provider.fake.FakeGlobalAiOpcServer;
import com.seedancebot.core.provider.fake.FakeMediaHost;
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

/** GlobalAiOpc specifics: its camelCase body (PROVIDERS.md §3) and its result fields. */
class GlobalAiOpcVideoProviderTest {

  private final JsonMapper json = JsonMapper.builder().build();
  private FakeGlobalAiOpcServer fake;
  private FakeMediaHost assets;
  private GlobalAiOpcVideoProvider opc;

  @BeforeEach
  void start() {
    fake = FakeGlobalAiOpcServer.start("opc-key");
    assets = FakeMediaHost.start();
    opc =
        new GlobalAiOpcVideoProvider(
            new ProviderSettings("opc", fake.baseUrl(), "opc-key", 3, Duration.ofSeconds(10)),
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
            json);
  }

  @AfterEach
  void stop() {
    fake.close();
    assets.close();
  }

  @Test
  void textToVideoSendsOnlyTheFieldsGlobalAiOpcKnows() {
    GenerationRequest r =
        new GenerationRequest(
            "seedance_2_0_pro",
            "A cat dancing in the rain",
            6,
            "9:16",
            "1080p",
            false,
            7L,
            true,
            true,
            true,
            List.of());

    opc.submit(new SubmitRequest(r, List.of(), "https://bot.example/cb", "u"));

    assertThat(fake.lastRequest().path()).isEqualTo("/kyyReactApiServer/v1/kyyvideo2/videos");
    assertThat(fake.lastRequest().json())
        .isEqualTo(
            json.readTree(
                """
                {"model":"seedance_2_0_pro","prompt":"A cat dancing in the rain","duration":6,
                 "aspect_ratio":"9:16","generateAudio":false}
                """));
  }

  @Test
  void framesGoToFirstImageAndLastImage() {
    URI first = image("f");
    URI last = image("l");

    opc.submit(
        withMedia(
            request("seedance_2_0_pro", "Day to night"),
            media(MediaRole.FIRST_FRAME, MediaKind.IMAGE, first),
            media(MediaRole.LAST_FRAME, MediaKind.IMAGE, last)));

    var body = fake.lastRequest().json();
    assertThat(body.get("first_image").asString()).isEqualTo(first.toString());
    assertThat(body.get("last_image").asString()).isEqualTo(last.toString());
    assertThat(body.has("referenceImages")).isFalse();
  }

  @Test
  void referencesGoToTheCamelCaseLists() {
    URI img = image("r");
    URI video = assets.publish("v.mp4", SampleMedia.mp4(), "video/mp4");
    URI audio = assets.publish("a.wav", new byte[] {1}, "audio/wav");

    opc.submit(
        withMedia(
            request("seedance_2_0", "Motion transfer"),
            media(MediaRole.REFERENCE, MediaKind.IMAGE, img),
            media(MediaRole.REFERENCE, MediaKind.VIDEO, video),
            media(MediaRole.REFERENCE, MediaKind.AUDIO, audio)));

    var body = fake.lastRequest().json();
    assertThat(body.get("referenceImages")).isEqualTo(json.readTree("[\"" + img + "\"]"));
    assertThat(body.get("referenceVideos")).isEqualTo(json.readTree("[\"" + video + "\"]"));
    assertThat(body.get("referenceAudios")).isEqualTo(json.readTree("[\"" + audio + "\"]"));
  }

  @Test
  void pollReadsDurationAndTokensOfACompletedVideo() {
    String id =
        opc.submit(new SubmitRequest(request("seedance_2_0_pro", "x"), List.of(), null, null));

    opc.poll(List.of(id));
    ProviderTask done = opc.poll(List.of(id)).get(id);

    assertThat(id).startsWith("video_");
    assertThat(fake.lastRequest().path()).isEqualTo("/kyyReactApiServer/v1/result/" + id);
    assertThat(done.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(done.durationSeconds()).isEqualTo(5.0);
    assertThat(done.usageTokens()).isEqualTo(108_900L);
    assertThat(done.lastFrameUrl()).isNull();
  }

  private URI image(String name) {
    return assets.publish(name + ".png", SampleMedia.png(640, 360), "image/png");
  }
}
