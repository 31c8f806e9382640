package com.seedancebot.core.provider.ark;

import static com.seedancebot.core.provider.ProviderRequests.media;
import static com.seedancebot.core.provider.ProviderRequests.request;
import static com.seedancebot.core.provider.ProviderRequests.withMedia;
import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.provider.CancelOutcome;
import com.seedancebot.core.provider.ProviderTask;
import com.seedancebot.core.provider.SubmitRequest;
import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.provider.fake.FakeArkServer;
import com.seedancebot.core.provider.fake.FakeMediaHost;
import com.seedancebot.core.provider.fake.Progression;
import com.seedancebot.core.provider.fake.RecordedRequest;
import com.seedancebot.core.provider.fake.SampleMedia;
import com.seedancebot.core.provider.http.ProviderSettings;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.MediaKind;
import com.seedancebot.core.request.MediaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Ark specifics: the exact JSON sent, batch polling through the list endpoint, DELETE. */
class ArkVideoProviderTest {

  private static final String MODEL = "doubao-seedance-2-0-260128";
  private final JsonMapper json = JsonMapper.builder().build();
  private FakeArkServer fake;
  private FakeMediaHost assets;
  private ArkVideoProvider ark;

  @BeforeEach
  void start() {
    fake = FakeArkServer.start("ark-key");
    assets = FakeMediaHost.start();
    ark =
        new ArkVideoProvider(
            new ProviderSettings("ark", fake.baseUrl(), "ark-key", 3, Duration.ofSeconds(10)),
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
            json);
  }

  @AfterEach
  void stop() {
    fake.close();
    assets.close();
  }

  @Test
  void textToVideoWithEveryOptionSendsExactlyArksFields() {
    GenerationRequest r =
        new GenerationRequest(
            MODEL, "A cat yawning", 8, "9:16", "1080p", false, 42L, true, true, true, List.of());

    ark.submit(new SubmitRequest(r, List.of(), "https://bot.example/cb/t0k3n", "telegram:42"));

    RecordedRequest sent = fake.lastRequest();
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/api/v3/contents/generations/tasks");
    assertThat(sent.header("Content-Type")).isEqualTo("application/json");
    assertThat(sent.json())
        .isEqualTo(
            json.readTree(
                """
                {"model":"doubao-seedance-2-0-260128",
                 "content":[{"type":"text","text":"A cat yawning"}],
                 "ratio":"9:16","resolution":"1080p","duration":8,"seed":42,
                 "generate_audio":false,"watermark":true,"return_last_frame":true,
                 "callback_url":"https://bot.example/cb/t0k3n",
                 "tools":[{"type":"web_search"}],
                 "safety_identifier":"telegram:42"}
                """));
  }

  @Test
  void aDraftOnOfflineInferenceAsksForBothAndTheFinalSendsOnlyTheDraftTask() {
    String v15 = "doubao-seedance-1-5-pro-251215";
    GenerationRequest draft =
        new GenerationRequest(
                v15, "A lantern", 4, "16:9", "480p", true, 7L, true, false, false, null)
            .withModes(false, true, true, null);

    String draftId = ark.submit(new SubmitRequest(draft, List.of(), null, null));

    JsonNode sent = fake.lastRequest().json();
    assertThat(sent.get("draft").asBoolean()).isTrue();
    assertThat(sent.get("service_tier").asString()).isEqualTo("flex");
    assertThat(sent.get("resolution").asString()).isEqualTo("480p");

    GenerationRequest full =
        new GenerationRequest(
                v15, "A lantern", 4, "16:9", "720p", true, 7L, true, false, false, null)
            .withModes(false, false, false, draftId);
    ark.submit(new SubmitRequest(full, List.of(), "https://bot.example/cb/t", null));

    assertThat(fake.lastRequest().json())
        .isEqualTo(
            json.readTree(
                """
                {"model":"doubao-seedance-1-5-pro-251215",
                 "content":[{"type":"draft_task","draft_task":{"id":"%s"}}],
                 "resolution":"720p","watermark":false,"return_last_frame":true,
                 "callback_url":"https://bot.example/cb/t"}
                """
                    .formatted(draftId)));
  }

  @Test
  void firstAndLastFramesAreSentWithTheirRoles() {
    URI first = assets.publish("a/first.png", SampleMedia.png(640, 360), "image/png");
    URI last = assets.publish("a/last.png", SampleMedia.png(640, 360), "image/png");

    ark.submit(
        withMedia(
            request(MODEL, "Day to night"),
            media(MediaRole.FIRST_FRAME, MediaKind.IMAGE, first),
            media(MediaRole.LAST_FRAME, MediaKind.IMAGE, last)));

    assertThat(fake.lastRequest().json().get("content"))
        .isEqualTo(
            json.readTree(
                """
                [{"type":"text","text":"Day to night"},
                 {"type":"image_url","image_url":{"url":"%s"},"role":"first_frame"},
                 {"type":"image_url","image_url":{"url":"%s"},"role":"last_frame"}]
                """
                    .formatted(first, last)));
  }

  @Test
  void referencesOfEveryKindAreSentWithTheirRoles() {
    URI image = assets.publish("a/ref.png", SampleMedia.png(400, 400), "image/png");
    URI video = assets.publish("a/ref.mp4", SampleMedia.mp4(), "video/mp4");
    URI audio = assets.publish("a/ref.mp3", new byte[] {1, 2, 3}, "audio/mpeg");

    ark.submit(
        withMedia(
            request(MODEL, "An ad"),
            media(MediaRole.REFERENCE, MediaKind.IMAGE, image),
            media(MediaRole.REFERENCE, MediaKind.VIDEO, video),
            media(MediaRole.REFERENCE, MediaKind.AUDIO, audio)));

    JsonNode content = fake.lastRequest().json().get("content");
    assertThat(content.get(1).get("role").asString()).isEqualTo("reference_image");
    assertThat(content.get(2).get("video_url").get("url").asString()).isEqualTo(video.toString());
    assertThat(content.get(2).get("role").asString()).isEqualTo("reference_video");
    assertThat(content.get(3).get("audio_url").get("url").asString()).isEqualTo(audio.toString());
    assertThat(content.get(3).get("role").asString()).isEqualTo("reference_audio");
    assertThat(fake.fetchedMedia()).hasSize(3).allSatisfy(m -> assertThat(m.ok()).isTrue());
  }

  @Test
  void aModelWithoutSoundGetsNoGenerateAudioField() {
    GenerationRequest r =
        new GenerationRequest(
            "doubao-seedance-1-0-pro-250528",
            "Waves",
            5,
            "16:9",
            "1080p",
            false,
            null,
            false,
            false,
            false,
            List.of());

    String id = ark.submit(new SubmitRequest(r, List.of(), null, null));

    assertThat(id).startsWith("cgt-");
    assertThat(fake.lastRequest().json().has("generate_audio")).isFalse();
  }

  @Test
  void aLongEndUserIdIsHashedToSixtyFourCharacters() {
    String longId = "discord:" + "9".repeat(80);

    ark.submit(new SubmitRequest(request(MODEL, "x"), List.of(), null, longId));

    String sent = fake.lastRequest().json().get("safety_identifier").asString();
    assertThat(sent).hasSize(64).matches("[0-9a-f]{64}").isNotEqualTo(longId);
  }

  @Test
  void twoHundredFiftyTasksArePolledInThreeListRequests() {
    fake.setProgression(Progression.MANUAL);
    List<String> ids = submitMany(250);
    fake.clearRecords();

    Map<String, ProviderTask> tasks = ark.poll(ids);

    assertThat(tasks).hasSize(250).containsOnlyKeys(ids);
    assertThat(tasks.values()).extracting(ProviderTask::state).containsOnly(TaskState.QUEUED);
    List<RecordedRequest> lists = fake.requests();
    assertThat(lists)
        .extracting(r -> r.queryValues("filter.task_ids").size())
        .containsExactly(100, 100, 50);
    assertThat(lists).extracting(RecordedRequest::method).containsOnly("GET");
    assertThat(lists)
        .extracting(RecordedRequest::path)
        .containsOnly("/api/v3/contents/generations/tasks");
    assertThat(lists).extracting(r -> r.queryValue("page_num")).containsOnly("1");
    assertThat(lists)
        .extracting(r -> r.queryValue("page_size"))
        .containsExactly("100", "100", "50");
    assertThat(lists).allSatisfy(r -> assertThat(r.rawQuery().length()).isLessThan(8000));
  }

  @Test
  void pollFollowsThePagesWhenTheServerAnswersFewerItemsThanAsked() {
    fake.setProgression(Progression.MANUAL);
    fake.capPageSize(40);
    List<String> ids = submitMany(100);
    fake.clearRecords();

    Map<String, ProviderTask> tasks = ark.poll(ids);

    assertThat(tasks).hasSize(100);
    assertThat(fake.requests())
        .extracting(r -> r.queryValue("page_num"))
        .containsExactly("1", "2", "3");
  }

  @Test
  void pollReadsTheResultFieldsOfASucceededTask() {
    GenerationRequest r =
        new GenerationRequest(
            MODEL, "x", 5, "16:9", "720p", true, 1276L, true, false, false, List.of());
    String id = ark.submit(new SubmitRequest(r, List.of(), null, null));
    fake.setProgression(Progression.MANUAL);
    fake.advance(id);
    fake.advance(id);

    ProviderTask task = ark.poll(List.of(id)).get(id);

    assertThat(task.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(task.usageTokens()).isEqualTo(108_900L);
    assertThat(task.seed()).isEqualTo(1276L);
    assertThat(task.durationSeconds()).isEqualTo(5.0);
    assertThat(task.videoUrl().getQuery()).contains("X-Tos-Signature=");
    assertThat(task.lastFrameUrl()).isNotNull();
  }

  @Test
  void deleteCancelsAQueuedTaskButIsTooLateForARunningOne() {
    fake.setProgression(Progression.MANUAL);
    String queued = ark.submit(new SubmitRequest(request(MODEL, "a"), List.of(), null, null));
    String running = ark.submit(new SubmitRequest(request(MODEL, "b"), List.of(), null, null));
    fake.advance(running);

    CancelOutcome onQueued = ark.cancel(queued);
    CancelOutcome onRunning = ark.cancel(running);
    CancelOutcome again = ark.cancel(queued);

    assertThat(onQueued).isEqualTo(CancelOutcome.CANCELLED);
    assertThat(onRunning).isEqualTo(CancelOutcome.TOO_LATE);
    assertThat(again).isEqualTo(CancelOutcome.TOO_LATE);
    assertThat(fake.taskState(queued)).contains(TaskState.CANCELLED);
    assertThat(fake.taskState(running)).contains(TaskState.RUNNING);
    assertThat(fake.requests("DELETE", "/tasks/" + queued)).hasSize(2);
    assertThat(ark.poll(List.of(queued)).get(queued).state()).isEqualTo(TaskState.CANCELLED);
  }

  private List<String> submitMany(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(ark.submit(new SubmitRequest(request(MODEL, "clip " + i), List.of(), null, null)));
    }
    return ids;
  }
}
