package com.seedancebot.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.seedancebot.core.provider.fake.FakeMediaHost;
import com.seedancebot.core.provider.fake.FakeProviderServer;
import com.seedancebot.core.provider.fake.Fault;
import com.seedancebot.core.provider.fake.FetchedMedia;
import com.seedancebot.core.provider.fake.SampleMedia;
import com.seedancebot.core.provider.http.ProviderSettings;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.MediaInput;
import com.seedancebot.core.request.MediaKind;
import com.seedancebot.core.request.MediaRole;
import com.seedancebot.core.request.MediaSource;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link VideoProvider} contract, written once and run against every client and its faithful
 * fake: the same scenarios, the same expectations, only the cancel outcome differs per family.
 */
public abstract class VideoProviderContractTest {

  protected static final String KEY = "sk-contract-3f9a8b7c6d5e4f30";

  protected final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  protected final JsonMapper json = JsonMapper.builder().build();
  protected FakeProviderServer fake;
  protected FakeMediaHost assets;

  /** Starts the family's fake, accepting {@code apiKey}. */
  protected abstract FakeProviderServer startFake(String apiKey);

  protected abstract VideoProvider newClient(
      ProviderSettings settings, HttpClient http, JsonMapper json);

  /** A model of the family that does text-to-video and first-frame image-to-video. */
  protected abstract String modelId();

  /** An id in the family's format that the fake has never issued. */
  protected abstract String unknownTaskId();

  /** What cancelling a task that is still queued yields for this family. */
  protected abstract CancelOutcome cancelOfQueuedTask();

  @BeforeEach
  void startServers() {
    fake = startFake(KEY);
    assets = FakeMediaHost.start();
  }

  @AfterEach
  void stopServers() {
    fake.close();
    assets.close();
  }

  protected VideoProvider client() {
    return client(KEY, Duration.ofSeconds(10));
  }

  protected VideoProvider client(String apiKey, Duration timeout) {
    return newClient(
        new ProviderSettings("contract", fake.baseUrl(), apiKey, 3, timeout), http, json);
  }

  protected SubmitRequest textRequest() {
    return new SubmitRequest(
        new GenerationRequest(
            modelId(),
            "A cat yawning at the camera",
            5,
            "16:9",
            "720p",
            true,
            null,
            false,
            false,
            false,
            List.of()),
        List.of(),
        null,
        "user-1");
  }

  @Test
  void textToVideoRunsToSucceededAndDownloadsTheServedVideo() throws Exception {
    VideoProvider provider = client();

    String id = provider.submit(textRequest());
    ProviderTask running = provider.poll(List.of(id)).get(id);
    ProviderTask done = provider.poll(List.of(id)).get(id);

    assertThat(id).isNotBlank();
    assertThat(running.state()).isEqualTo(TaskState.RUNNING);
    assertThat(done.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(done.videoUrl()).isNotNull();
    try (InputStream in = provider.download(done.videoUrl())) {
      assertThat(in.readAllBytes()).isEqualTo(fake.videoBytes());
    }
    assertThat(fake.requests())
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY));
    assertThat(fake.resultHost().requests())
        .singleElement()
        .satisfies(r -> assertThat(r.header("Authorization")).isNull());
  }

  @Test
  void imageToVideoSendsAFirstFrameUrlTheProviderCanFetch() {
    byte[] png = SampleMedia.png(640, 360);
    URI url = assets.publish("assets/first.png", png, "image/png");
    MediaInput first =
        new MediaInput(MediaRole.FIRST_FRAME, MediaKind.IMAGE, new MediaSource.Stored("a1"), null);
    GenerationRequest r =
        new GenerationRequest(
            modelId(),
            "She opens her eyes",
            5,
            "adaptive",
            "720p",
            true,
            null,
            false,
            false,
            false,
            List.of(first));

    String id =
        client()
            .submit(
                new SubmitRequest(
                    r, List.of(new ResolvedMedia(first, url.toString())), null, null));

    assertThat(id).isNotBlank();
    assertThat(fake.fetchedMedia())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.url()).isEqualTo(url.toString());
              assertThat(m.ok()).isTrue();
              assertThat(m.sizeBytes()).isEqualTo(png.length);
              assertThat(m.width()).isEqualTo(640);
            });
  }

  @Test
  void anUnfetchableImageIsAnInvalidRequest() {
    MediaInput first =
        new MediaInput(MediaRole.FIRST_FRAME, MediaKind.IMAGE, new MediaSource.Stored("a1"), null);
    String gone = assets.origin() + "/assets/missing.png?X-Tos-Signature=00";
    GenerationRequest r =
        new GenerationRequest(
            modelId(), "x", 5, "adaptive", "720p", true, null, false, false, false, List.of(first));

    ProviderException e =
        catchThrowableOfType(
            ProviderException.class,
            () ->
                client()
                    .submit(
                        new SubmitRequest(r, List.of(new ResolvedMedia(first, gone)), null, null)));

    assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST);
    assertThat(fake.fetchedMedia()).singleElement().extracting(FetchedMedia::status).isEqualTo(404);
  }

  @Test
  void pollLeavesOutIdsTheProviderDoesNotKnow() {
    VideoProvider provider = client();
    String id = provider.submit(textRequest());

    Map<String, ProviderTask> tasks = provider.poll(List.of(id, unknownTaskId()));

    assertThat(tasks).containsOnlyKeys(id);
  }

  @Test
  void rateLimitIsTransientAndCarriesRetryAfter() {
    fake.failNext(Fault.rateLimited("7"));

    ProviderException e = submitFailure(client());

    assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRANSIENT);
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(e.getMessage()).contains("429");
  }

  @Test
  void aBurstOfRateLimitsEndsAndTheNextCallSucceeds() {
    fake.failNext(2, Fault.rateLimited("1"));
    VideoProvider provider = client();

    ProviderException first = submitFailure(provider);
    ProviderException second = submitFailure(provider);
    String id = provider.submit(textRequest());

    assertThat(List.of(first.kind(), second.kind())).containsOnly(ProviderException.Kind.TRANSIENT);
    assertThat(id).isNotBlank();
  }

  @Test
  void serverErrorIsTransient() {
    fake.failNext(Fault.serverError());

    ProviderException e = submitFailure(client());

    assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRANSIENT);
    assertThat(e.retryAfter()).isNull();
  }

  @Test
  void serverErrorWhilePollingIsTransient() {
    VideoProvider provider = client();
    String id = provider.submit(textRequest());
    fake.failNext(Fault.serverError());

    ProviderException e =
        catchThrowableOfType(ProviderException.class, () -> provider.poll(List.of(id)));

    assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRANSIENT);
  }

  @Test
  void aHangingProviderIsTransientWithinTheTimeout() {
    fake.failNext(Fault.hang());
    long start = System.nanoTime();

    ProviderException e = submitFailure(client(KEY, Duration.ofMillis(300)));

    assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRANSIENT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aMalformedBodyIsTransient() {
    fake.failNext(Fault.malformed());

    ProviderException e = submitFailure(client());

    assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRANSIENT);
  }

  @Test
  void aWrongKeyIsAnOperatorProblemAndTheMessageNeverShowsTheKey() {
    String wrongKey = "sk-wrong-1a2b3c4d5e6f7a8b";

    ProviderException e = submitFailure(client(wrongKey, Duration.ofSeconds(5)));

    assertThat(e.kind()).isEqualTo(ProviderException.Kind.OPERATOR);
    assertThat(e.getMessage()).contains("401").doesNotContain(wrongKey).doesNotContain(KEY);
  }

  @Test
  void refusedInputIsContentRefused() {
    fake.failNext(Fault.inputRefused());

    ProviderException e = submitFailure(client());

    assertThat(e.kind()).isEqualTo(ProviderException.Kind.CONTENT_REFUSED);
    assertThat(e.code()).startsWith("InputTextSensitiveContentDetected");
  }

  @Test
  void refusedOutputFailsTheTaskWithACodeTheCoreClassifiesAsRefused() {
    fake.failNextTask(
        "OutputVideoSensitiveContentDetected.PolicyViolation",
        "The generated video may contain sensitive content.");
    VideoProvider provider = client();
    String id = provider.submit(textRequest());

    provider.poll(List.of(id));
    ProviderTask failed = provider.poll(List.of(id)).get(id);

    assertThat(failed.state()).isEqualTo(TaskState.FAILED);
    assertThat(failed.errorCode()).startsWith("OutputVideoSensitiveContentDetected");
    assertThat(failed.videoUrl()).isNull();
    assertThat(ProviderErrors.classify(failed.errorCode()))
        .isEqualTo(ProviderException.Kind.CONTENT_REFUSED);
  }

  @Test
  void cancellingAQueuedTaskFollowsTheFamilysSemantics() {
    VideoProvider provider = client();
    String id = provider.submit(textRequest());
    int requestsBefore = fake.requests().size();

    CancelOutcome outcome = provider.cancel(id);

    assertThat(outcome).isEqualTo(cancelOfQueuedTask());
    if (outcome == CancelOutcome.NOT_SUPPORTED) {
      assertThat(fake.requests()).hasSize(requestsBefore);
    } else {
      assertThat(fake.taskState(id)).contains(TaskState.CANCELLED);
    }
  }

  private ProviderException submitFailure(VideoProvider provider) {
    ProviderException e =
        catchThrowableOfType(ProviderException.class, () -> provider.submit(textRequest()));
    assertThat(e).as("submit should fail").isNotNull();
    return e;
  }
}
