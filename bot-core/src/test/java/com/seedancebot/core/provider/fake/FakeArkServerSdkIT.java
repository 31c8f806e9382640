package com.seedancebot.core.provider.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.seedancebot.core.provider.TaskState;
import com.volcengine.ark.runtime.exception.ArkHttpException;
import com.volcengine.ark.runtime.model.content.generation.CreateContentGenerationTaskRequest;
import com.volcengine.ark.runtime.model.content.generation.CreateContentGenerationTaskRequest.Content;
import com.volcengine.ark.runtime.model.content.generation.CreateContentGenerationTaskRequest.ImageUrl;
import com.volcengine.ark.runtime.model.content.generation.CreateContentGenerationTaskResult;
import com.volcengine.ark.runtime.model.content.generation.DeleteContentGenerationTaskRequest;
import com.volcengine.ark.runtime.model.content.generation.GetContentGenerationTaskRequest;
import com.volcengine.ark.runtime.model.content.generation.GetContentGenerationTaskResponse;
import com.volcengine.ark.runtime.model.content.generation.ListContentGenerationTasksRequest;
import com.volcengine.ark.runtime.model.content.generation.ListContentGenerationTasksResponse;
import com.volcengine.ark.runtime.service.ArkService;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives {@link FakeArkServer} with Volcengine's official Java SDK: if the SDK can create, get,
 * list and delete tasks and reads the fake's errors, the fake speaks Ark's real protocol.
 */
class FakeArkServerSdkIT {

  private static final String MODEL = "doubao-seedance-2-0-260128";
  private FakeArkServer fake;
  private FakeMediaHost assets;
  private ArkService sdk;

  @BeforeEach
  void start() {
    fake = FakeArkServer.start("sdk-key");
    fake.setProgression(Progression.MANUAL);
    assets = FakeMediaHost.start();
    sdk = service("sdk-key");
  }

  @AfterEach
  void stop() {
    sdk.shutdownExecutor();
    fake.close();
    assets.close();
  }

  @Test
  void theOfficialSdkCreatesGetsListsAndDeletesTasks() {
    URI first = assets.publish("first.png", SampleMedia.png(640, 360), "image/png");
    CreateContentGenerationTaskRequest create =
        CreateContentGenerationTaskRequest.builder()
            .model(MODEL)
            .content(
                List.of(
                    Content.builder().type("text").text("A cat yawning").build(),
                    Content.builder()
                        .type("image_url")
                        .imageUrl(ImageUrl.builder().url(first.toString()).build())
                        .role("first_frame")
                        .build()))
            .ratio("adaptive")
            .duration(5L)
            .generateAudio(true)
            .watermark(false)
            .returnLastFrame(true)
            .build();

    CreateContentGenerationTaskResult created = sdk.createContentGenerationTask(create);
    String id = created.getId();
    fake.advance(id);
    fake.advance(id);
    GetContentGenerationTaskResponse got =
        sdk.getContentGenerationTask(GetContentGenerationTaskRequest.builder().taskId(id).build());
    ListContentGenerationTasksResponse listed =
        sdk.listContentGenerationTasks(
            ListContentGenerationTasksRequest.builder()
                .pageNum(1)
                .pageSize(10)
                .addTaskId(id)
                .build());
    sdk.deleteContentGenerationTask(
        DeleteContentGenerationTaskRequest.builder().taskId(id).build());

    assertThat(id).matches("cgt-\\d{14}-[a-z0-9]{5}");
    assertThat(fake.requests("POST", "/contents/generations/tasks").get(0).json().get("content"))
        .hasSize(2);
    assertThat(got.getStatus()).isEqualTo("succeeded");
    assertThat(got.getContent().getVideoUrl()).contains("X-Tos-Signature=");
    assertThat(got.getContent().getLastFrameUrl()).isNotBlank();
    assertThat(got.getUsage().getCompletionTokens()).isEqualTo(108_900);
    assertThat(got.getDuration()).isEqualTo(5L);
    assertThat(listed.getTotal()).isEqualTo(1);
    assertThat(listed.getItems())
        .singleElement()
        .satisfies(i -> assertThat(i.getId()).isEqualTo(id));
    assertThat(fake.taskState(id)).isEmpty();
    assertThat(fake.fetchedMedia()).singleElement().satisfies(m -> assertThat(m.ok()).isTrue());
  }

  @Test
  void deletingAQueuedTaskThroughTheSdkCancelsIt() {
    String id = sdk.createContentGenerationTask(textOnly()).getId();

    sdk.deleteContentGenerationTask(
        DeleteContentGenerationTaskRequest.builder().taskId(id).build());

    assertThat(fake.taskState(id)).contains(TaskState.CANCELLED);
  }

  @Test
  void theSdkReadsTheFakesErrorEnvelope() {
    CreateContentGenerationTaskRequest badRole =
        CreateContentGenerationTaskRequest.builder()
            .model(MODEL)
            .content(
                List.of(
                    Content.builder()
                        .type("image_url")
                        .imageUrl(ImageUrl.builder().url("asset://a").build())
                        .role("first_image")
                        .build()))
            .build();

    ArkHttpException invalid =
        catchThrowableOfType(
            ArkHttpException.class, () -> sdk.createContentGenerationTask(badRole));
    ArkService wrongKey = service("wrong");
    ArkHttpException unauthorized =
        catchThrowableOfType(
            ArkHttpException.class, () -> wrongKey.createContentGenerationTask(textOnly()));
    wrongKey.shutdownExecutor();

    assertThat(invalid.statusCode).isEqualTo(400);
    assertThat(invalid.code).isEqualTo("InvalidParameter");
    assertThat(invalid.param).isEqualTo("content[0].role");
    assertThat(unauthorized.statusCode).isEqualTo(401);
    assertThat(unauthorized.code).isEqualTo("AuthenticationError");
  }

  private static CreateContentGenerationTaskRequest textOnly() {
    return CreateContentGenerationTaskRequest.builder()
        .model(MODEL)
        .content(List.of(Content.builder().type("text").text("x").build()))
        .build();
  }

  private ArkService service(String key) {
    return ArkService.builder()
        .baseUrl(fake.baseUrl() + "/")
        .apiKey(key)
        .retryTimes(0)
        .timeout(Duration.ofSeconds(10))
        .build();
  }
}
