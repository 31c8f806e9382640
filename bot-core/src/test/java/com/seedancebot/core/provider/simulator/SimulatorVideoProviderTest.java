package com.seedancebot.core.provider.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.seedancebot.core.provider.CancelOutcome;
import com.seedancebot.core.provider.ProviderException;
import com.seedancebot.core.provider.ProviderTask;
import com.seedancebot.core.provider.SubmitRequest;
import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.MediaInput;
import com.seedancebot.core.request.MediaKind;
import com.seedancebot.core.request.MediaRole;
import com.seedancebot.core.request.MediaSource;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorVideoProviderTest {

  private static final String MODEL = "doubao-seedance-2-0-260128";
  private static final Duration QUEUE = Duration.ofSeconds(2);
  private static final Duration RUN = Duration.ofSeconds(10);

  @TempDir Path workDir;
  @TempDir Path downloads;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-14T18:32:17Z"));
  private final ManualExecutor renders = new ManualExecutor();

  private SimulatorVideoProvider simulator(SimulatorSettings settings) {
    return new SimulatorVideoProvider(workDir, settings, clock, new Random(7), renders);
  }

  /** Small, low-rate clips keep the suite fast; the happy-path test uses the real defaults. */
  private SimulatorVideoProvider simulator() {
    return simulator(new SimulatorSettings(QUEUE, RUN, 0, 3, 192, 8));
  }

  private static SubmitRequest request(String prompt, Integer seconds, String ratio) {
    return new SubmitRequest(
        new GenerationRequest(
            MODEL, prompt, seconds, ratio, "720p", true, null, true, false, false, List.of()),
        List.of(),
        null,
        "user-1");
  }

  private ProviderTask poll(SimulatorVideoProvider simulator, String id) {
    return simulator.poll(List.of(id)).get(id);
  }

  @Test
  void taskGoesFromQueuedToRunningToSucceededWithAPlayableClip() throws IOException {
    // given
    SimulatorVideoProvider simulator =
        simulator(SimulatorSettings.defaults().withLatencies(QUEUE, RUN));

    // when
    String id = simulator.submit(request("a red fox runs through snow", 4, "16:9"));

    // then
    assertThat(id).matches("cgt-20260514183217-[a-z0-9]{5}");
    assertThat(poll(simulator, id).state()).isEqualTo(TaskState.QUEUED);
    clock.advance(QUEUE);
    assertThat(poll(simulator, id).state()).isEqualTo(TaskState.RUNNING);
    clock.advance(RUN.minusSeconds(5));
    assertThat(poll(simulator, id).progress()).isEqualTo(50);
    clock.advance(Duration.ofSeconds(5));
    assertThat(poll(simulator, id).state())
        .as("the clip is not rendered yet: rendering waits for the executor")
        .isEqualTo(TaskState.RUNNING);

    renders.runAll();

    ProviderTask done = poll(simulator, id);
    assertThat(done.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(done.durationSeconds()).isEqualTo(4.0);
    assertThat(done.seed()).isBetween(0L, (1L << 32) - 1);
    assertThat(done.usageTokens()).as("Ark's bill for 4 s at 720p 16:9").isEqualTo(87_300L);
    assertThat(done.videoUrl().getScheme()).isEqualTo("file");
    Mp4Facts clip = Mp4Facts.read(download(simulator, done.videoUrl(), "clip.mp4"));
    assertThat(clip.sampleEntry()).isEqualTo("avc1");
    assertThat((double) clip.width() / clip.height()).isCloseTo(16.0 / 9, within(0.02));
    assertThat(clip.seconds()).isCloseTo(4.0, within(1 / clip.framesPerSecond()));
    BufferedImage last =
        ImageIO.read(download(simulator, done.lastFrameUrl(), "last.png").toFile());
    assertThat(last.getWidth()).isEqualTo(clip.width());
    assertThat(last.getHeight()).isEqualTo(clip.height());
  }

  @Test
  void renderingNeverRunsOnTheCallersThread() {
    // given
    SimulatorVideoProvider simulator = simulator();

    // when
    String id = simulator.submit(request("a kite", 4, "1:1"));
    clock.advance(QUEUE.plus(RUN));
    simulator.poll(List.of(id));

    // then
    assertThat(renders.pending()).isEqualTo(1);
    assertThat(Files.exists(workDir.resolve("results").resolve(id + ".mp4"))).isFalse();
  }

  @Test
  void finishedRenderWaitsForTheRunLatency() {
    // given
    SimulatorVideoProvider simulator = simulator();
    String id = simulator.submit(request("a kite", 4, "1:1"));

    // when
    renders.runAll();
    clock.advance(QUEUE.plus(RUN).minusMillis(1));

    // then
    assertThat(poll(simulator, id).state()).isEqualTo(TaskState.RUNNING);
    clock.advance(Duration.ofMillis(1));
    assertThat(poll(simulator, id).state()).isEqualTo(TaskState.SUCCEEDED);
  }

  @Test
  void unsetDurationAndAutoDurationGiveFiveSeconds() throws IOException {
    // given
    SimulatorVideoProvider simulator =
        simulator(new SimulatorSettings(Duration.ZERO, Duration.ZERO, 0, 3, 192, 8));

    // when
    String id = simulator.submit(request("five seconds please", -1, "9:16"));
    renders.runAll();

    // then
    ProviderTask done = poll(simulator, id);
    assertThat(done.durationSeconds()).isEqualTo(5.0);
    Mp4Facts clip = Mp4Facts.read(download(simulator, done.videoUrl(), "five.mp4"));
    assertThat(clip.seconds()).isCloseTo(5.0, within(1 / clip.framesPerSecond()));
    assertThat((double) clip.width() / clip.height()).isCloseTo(9.0 / 16, within(0.02));
  }

  @Test
  void adaptiveRatioFollowsTheFirstFrame() throws IOException {
    // given
    SimulatorVideoProvider simulator =
        simulator(new SimulatorSettings(Duration.ZERO, Duration.ZERO, 0, 3, 192, 8));
    MediaInput portrait =
        new MediaInput(
            MediaRole.FIRST_FRAME,
            MediaKind.IMAGE,
            new MediaSource.Stored("a1"),
            new MediaInfo("image/jpeg", 1000, 1080, 1920, null, null));
    GenerationRequest generation =
        new GenerationRequest(
            MODEL,
            "animate",
            4,
            "adaptive",
            null,
            null,
            42L,
            false,
            false,
            false,
            List.of(portrait));

    // when
    String id = simulator.submit(new SubmitRequest(generation, List.of(), null, null));
    renders.runAll();

    // then
    ProviderTask done = poll(simulator, id);
    assertThat(done.seed()).isEqualTo(42L);
    assertThat(done.lastFrameUrl()).isNull();
    Mp4Facts clip = Mp4Facts.read(download(simulator, done.videoUrl(), "adaptive.mp4"));
    assertThat((double) clip.width() / clip.height()).isCloseTo(9.0 / 16, within(0.02));
  }

  @Test
  void failPromptFailsWithOutputRefusedAfterRunning() {
    // given
    SimulatorVideoProvider simulator = simulator();

    // when
    String id = simulator.submit(request("something [fail]", 4, "16:9"));

    // then
    assertThat(renders.pending()).as("a failing task renders nothing").isZero();
    clock.advance(QUEUE);
    assertThat(poll(simulator, id).state()).isEqualTo(TaskState.RUNNING);
    clock.advance(RUN);
    ProviderTask failed = poll(simulator, id);
    assertThat(failed.state()).isEqualTo(TaskState.FAILED);
    assertThat(failed.errorCode()).isEqualTo("OutputVideoSensitiveContentDetected");
    assertThat(failed.videoUrl()).isNull();
  }

  @Test
  void aClipThatCannotBeWrittenFailsTheTask() throws IOException {
    // given a task whose result path is blocked by a directory
    SimulatorVideoProvider simulator = simulator();
    String id = simulator.submit(request("blocked", 4, "16:9"));
    Files.createDirectories(workDir.resolve("results").resolve(id + ".mp4").resolve("blocker"));

    // when
    renders.runAll();
    clock.advance(QUEUE.plus(RUN));

    // then
    ProviderTask failed = poll(simulator, id);
    assertThat(failed.state()).isEqualTo(TaskState.FAILED);
    assertThat(failed.errorCode()).isEqualTo("InternalServiceError");
    assertThat(renders.pending()).as("a failed task is not rendered again").isZero();
  }

  @Test
  void failureRateOfOneFailsEveryTask() {
    // given
    SimulatorVideoProvider simulator = simulator(new SimulatorSettings(QUEUE, RUN, 1, 3, 192, 8));

    // when
    String id = simulator.submit(request("an ordinary prompt", 4, "16:9"));
    clock.advance(QUEUE.plus(RUN));

    // then
    assertThat(poll(simulator, id).errorCode()).isEqualTo("InternalServiceError");
  }

  @Test
  void refusePromptIsRefusedAtSubmit() {
    assertThatThrownBy(() -> simulator().submit(request("bad words [refuse]", 4, "16:9")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.CONTENT_REFUSED);
              assertThat(e.code()).isEqualTo("InputTextSensitiveContentDetected");
            });
  }

  @Test
  void transientFailurePromptFailsOnceThenSucceeds() {
    // given
    SimulatorVideoProvider simulator = simulator();
    SubmitRequest busy = request("try again [fail-transient]", 4, "16:9");

    // when / then
    assertThatThrownBy(() -> simulator.submit(busy))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRANSIENT));
    assertThat(simulator.submit(busy)).startsWith("cgt-");
  }

  @Test
  void invalidParametersAreRefusedLikeArk() {
    SimulatorVideoProvider simulator = simulator();
    assertThatThrownBy(() -> simulator.submit(request("x", 16, "16:9")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST);
              assertThat(e.code()).isEqualTo("InvalidParameter");
              assertThat(e.getMessage()).contains("duration");
            });
    assertThatThrownBy(() -> simulator.submit(request("x", 4, "2:1")))
        .hasMessageContaining("ratio");
  }

  @Test
  void cancelStopsAQueuedTaskButNotARunningOne() {
    // given
    SimulatorVideoProvider simulator = simulator();
    String queued = simulator.submit(request("first", 4, "16:9"));
    String running = simulator.submit(request("second", 4, "16:9"));
    clock.advance(Duration.ofSeconds(1));

    // when
    CancelOutcome first = simulator.cancel(queued);
    clock.advance(QUEUE);
    CancelOutcome second = simulator.cancel(running);

    // then
    assertThat(first).isEqualTo(CancelOutcome.CANCELLED);
    assertThat(second).isEqualTo(CancelOutcome.TOO_LATE);
    renders.runAll();
    clock.advance(RUN);
    Map<String, ProviderTask> states = simulator.poll(List.of(queued, running));
    assertThat(states.get(queued).state()).isEqualTo(TaskState.CANCELLED);
    assertThat(states.get(running).state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(workDir.resolve("results").resolve(queued + ".mp4"))
        .as("a cancelled task is not rendered")
        .doesNotExist();
    assertThat(simulator.cancel(queued)).isEqualTo(CancelOutcome.CANCELLED);
    assertThat(simulator.cancel(running)).isEqualTo(CancelOutcome.TOO_LATE);
  }

  @Test
  void cancellingAnUnknownTaskIsAnError() {
    assertThatThrownBy(() -> simulator().cancel("cgt-20260101000000-abcde"))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.code()).isEqualTo("ResourceNotFound"));
  }

  @Test
  void pollAnswersOnlyKnownIds() {
    // given
    SimulatorVideoProvider simulator = simulator();
    String id = simulator.submit(request("known", 4, "16:9"));

    // when
    Map<String, ProviderTask> found =
        simulator.poll(List.of(id, "cgt-20260101000000-zzzzz", "../tasks/" + id, "nonsense"));

    // then
    assertThat(found).containsOnlyKeys(id);
  }

  @Test
  void aNewInstanceFinishesTheTaskTheKilledOneStarted() throws IOException {
    // given a simulator that accepted two tasks, finished one, and died rendering the other
    SimulatorVideoProvider first = simulator();
    String finished = first.submit(request("finished before the crash", 4, "16:9"));
    renders.runAll();
    String started = first.submit(request("interrupted by the crash", 4, "21:9"));
    renders.drop();
    Files.writeString(workDir.resolve("results").resolve(started + ".mp4123.part"), "half");

    // when a new instance on the same work dir is polled later
    SimulatorVideoProvider second = simulator();
    clock.advance(QUEUE.plus(RUN));
    Map<String, ProviderTask> before = second.poll(List.of(finished, started));
    renders.runAll();
    Map<String, ProviderTask> after = second.poll(List.of(finished, started));

    // then
    assertThat(before.get(finished).state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(before.get(started).state()).isEqualTo(TaskState.RUNNING);
    assertThat(after.get(started).state()).isEqualTo(TaskState.SUCCEEDED);
    Mp4Facts clip = Mp4Facts.read(download(second, after.get(started).videoUrl(), "resumed.mp4"));
    assertThat((double) clip.width() / clip.height()).isCloseTo(21.0 / 9, within(0.03));
    try (var leftovers = Files.list(workDir.resolve("results"))) {
      assertThat(leftovers.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.endsWith(".part"));
    }
  }

  @Test
  void downloadOpensOnlyFilesInsideTheWorkDir() throws IOException {
    // given
    SimulatorVideoProvider simulator = simulator();
    Path outside = Files.writeString(downloads.resolve("secret.txt"), "secret");
    Path sneaky = workDir.resolve("results").resolve("..").resolve("..").resolve("x");

    // then
    assertThatThrownBy(() -> simulator.download(outside.toUri()))
        .isInstanceOf(ProviderException.class);
    assertThatThrownBy(() -> simulator.download(sneaky.toUri()))
        .isInstanceOf(ProviderException.class);
    assertThatThrownBy(() -> simulator.download(URI.create("https://example.com/v.mp4")))
        .isInstanceOf(ProviderException.class);
  }

  @Test
  void reportsItselfAsAnArkProvider() {
    SimulatorVideoProvider simulator = simulator();
    assertThat(simulator.name()).isEqualTo("simulator");
    assertThat(simulator.family()).isEqualTo(com.seedancebot.core.request.ModelFamily.ARK);
    assertThat(simulator.maxConcurrentTasks()).isEqualTo(3);
    assertThat(simulator(new SimulatorSettings(QUEUE, RUN, 0, 5, 192, 8)).maxConcurrentTasks())
        .isEqualTo(5);
  }

  private Path download(SimulatorVideoProvider simulator, URI url, String name) throws IOException {
    Path target = downloads.resolve(name);
    try (InputStream in = simulator.download(url)) {
      Files.copy(in, target);
    }
    return target;
  }

  @Test
  void aCreateWhoseAnswerWasLostIsFoundByItsSeedAfterARestart() {
    // given a task created with seed 77, and the provider restarted on the same directory
    SubmitRequest seeded =
        new SubmitRequest(
            request("a lighthouse at dusk", 4, "16:9").request().withSeed(77L),
            List.of(),
            null,
            "u");
    String id = simulator().submit(seeded);
    SimulatorVideoProvider restarted = simulator();

    // then the same request finds it, another seed or an older window does not
    assertThat(restarted.findCreated(seeded, clock.instant())).contains(id);
    SubmitRequest other = new SubmitRequest(seeded.request().withSeed(78L), List.of(), null, "u");
    assertThat(restarted.findCreated(other, clock.instant())).isEmpty();
    assertThat(restarted.findCreated(seeded, clock.instant().plus(Duration.ofMinutes(5))))
        .isEmpty();
  }
}
