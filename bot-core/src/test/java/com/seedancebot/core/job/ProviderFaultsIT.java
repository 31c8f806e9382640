package com.seedancebot.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.provider.fake.FakeProviderServer;
import com.seedancebot.core.provider.fake.Fault;
import com.seedancebot.core.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Provider faults end to end: the real HTTP clients talk to the faithful fakes, which answer
 * scripted 429 storms, 500s, hangs, malformed bodies, content refusals and a rejected key, while
 * the real pipeline (quota, queue, dispatcher, tracker, delivery on H2) runs many jobs on a test
 * clock. Whatever happens, every job is answered — a video, or a final status in plain words — and
 * no quota is lost: only delivered videos count.
 */
class ProviderFaultsIT {

  private static final Duration STEP = Duration.ofSeconds(1);
  private static final String DONE = "✅ Job %s is done.";
  private static final String SAFETY = "the video service's safety filter refused this request";
  private static final String UNAVAILABLE = "the video service is unavailable right now";

  @TempDir Path dir;
  private final TestClock clock = TestClock.atDefaultStart();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  static Stream<Arguments> transientFaults() {
    List<Arguments> all = new ArrayList<>();
    for (ProviderFamily family : ProviderFamily.values()) {
      all.add(Arguments.of(family, "429 with Retry-After", Fault.rateLimited("3"), 3));
      all.add(Arguments.of(family, "500", Fault.serverError(), 3));
      all.add(Arguments.of(family, "hang", Fault.hang(), 2));
      all.add(Arguments.of(family, "malformed body", Fault.malformed(), 3));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}: {3} × {1} on submit and {3} on poll")
  @MethodSource("transientFaults")
  void transientFaultsOnSubmitAndPollOnlyDelayJobs(
      ProviderFamily family, String label, Fault fault, int times) throws Exception {
    FakeProviderServer fake = start(family);
    FaultPipeline p = pipeline(family.client("p", fake, 3, clock));
    List<String> ids = p.submitMany(8, family.family);

    // the first creates fail: those jobs stay queued; one pass never starts more than the slots
    fake.failNext(times, fault);
    p.tick();
    assertThat(posts(fake)).isEqualTo(3);
    assertThat(ids.subList(0, times))
        .allSatisfy(id -> assertThat(p.job(id).state()).isEqualTo(JobState.QUEUED));

    // as many polls fail as well
    int pollFaults = 0;
    for (int round = 0; round < 300 && !p.allAnswered(); round++) {
      clock.advance(STEP);
      p.dispatcher.tick();
      boolean pollDue = !p.jobs.findDueAtProvider(clock.instant(), 1).isEmpty();
      if (pollFaults < times && pollDue) {
        int before = fake.requests().size();
        fake.failNext(fault);
        p.tracker.tick();
        assertThat(fake.requests().get(before).method()).as("the faulted request").isEqualTo("GET");
        pollFaults++;
      } else {
        p.tracker.tick();
      }
      p.delivery.tick();
    }

    assertThat(pollFaults).isEqualTo(times);
    assertThat(p.allAnswered()).as("every job answered: %s", p.states()).isTrue();
    // a create without a readable answer may have made a task: Ark's list tells, the others cannot
    boolean answerLost = fault instanceof Fault.Hang || fault instanceof Fault.Malformed;
    boolean refundedInstead = answerLost && family != ProviderFamily.ARK;
    for (String id : refundedInstead ? ids.subList(0, times) : List.<String>of()) {
      assertThat(p.job(id).errorCode()).as(id).isEqualTo("submission_uncertain");
      assertThat(p.statusText(id)).contains("did not confirm").contains("refunded");
    }
    for (String id : refundedInstead ? ids.subList(times, ids.size()) : ids) {
      assertThat(p.job(id).state()).as(id).isEqualTo(JobState.SUCCEEDED);
      assertThat(p.videos(id)).as("videos of %s", id).hasSize(1);
      assertThat(Files.readAllBytes(p.videos(id).get(0).video())).isEqualTo(fake.videoBytes());
      assertThat(p.statusText(id)).startsWith(DONE.formatted(id));
    }
    assertThat(posts(fake))
        .as("creates: one per job, plus the faulted ones unless they could not be checked")
        .isEqualTo(refundedInstead ? 8 : 8 + times);
    p.assertNoQuotaLost();
  }

  @ParameterizedTest
  @EnumSource(ProviderFamily.class)
  void aRateLimitStormIsWaitedOutForAsLongAsRetryAfterAsks(ProviderFamily family) {
    FakeProviderServer fake = start(family);
    FaultPipeline p = pipeline(family.client("p", fake, 4, clock));
    List<String> ids = p.submitMany(12, family.family);

    // a storm on submit: every create is answered 429, Retry-After: 20
    fake.failNext(12, Fault.rateLimited("20"));
    for (int pass = 0; pass < 3; pass++) {
      p.tick(); // at most the four slots per pass
    }
    assertThat(posts(fake)).isEqualTo(12);
    assertThat(ids).allSatisfy(id -> assertThat(p.job(id).state()).isEqualTo(JobState.QUEUED));

    int afterSubmitStorm = fake.requests().size();
    clock.advance(Duration.ofSeconds(15));
    p.tick();
    assertThat(fake.requests().size())
        .as("nothing sent before Retry-After")
        .isEqualTo(afterSubmitStorm);

    clock.advance(Duration.ofSeconds(6));
    p.tick();
    assertThat(posts(fake)).as("four slots filled after Retry-After").isEqualTo(12 + 4);

    // a storm on poll
    clock.advance(STEP);
    p.dispatcher.tick();
    fake.failNext(3, Fault.rateLimited("20"));
    p.tracker.tick();
    assertThat(fake.lastRequest().method()).isEqualTo("GET");
    int afterPollStorm = fake.requests().size();
    clock.advance(Duration.ofSeconds(15));
    p.tick();
    assertThat(fake.requests().size()).as("no poll before Retry-After").isEqualTo(afterPollStorm);

    p.runUntilAnswered(STEP, 300);

    assertThat(ids)
        .allSatisfy(
            id -> {
              assertThat(p.job(id).state()).isEqualTo(JobState.SUCCEEDED);
              assertThat(p.videos(id)).hasSize(1);
            });
    p.assertNoQuotaLost();
  }

  @ParameterizedTest
  @EnumSource(ProviderFamily.class)
  void contentRefusalsAreExplainedInPlainWordsAndRefunded(ProviderFamily family) {
    FakeProviderServer fake = start(family);
    FaultPipeline p = pipeline(family.client("p", fake, 3, clock));
    String inputRefused = p.submit("u1", family.family, "a prompt the filter refuses");
    String outputRefused = p.submit("u2", family.family, "a prompt whose video is refused");
    String fine = p.submit("u3", family.family, "a red fox running in snow");
    fake.failNext(Fault.inputRefused());
    fake.failNextTask(
        "OutputVideoSensitiveContentDetected.PolicyViolation",
        "The request failed because the output video may contain sensitive information.");

    p.runUntilAnswered(STEP, 100);

    for (String refused : List.of(inputRefused, outputRefused)) {
      Job job = p.job(refused);
      assertThat(job.state()).as(refused).isEqualTo(JobState.FAILED);
      assertThat(job.errorCode()).isEqualTo("content_refused");
      assertThat(p.statusText(refused))
          .startsWith("❌ Job " + refused + " failed: " + SAFETY)
          .contains("Your quota was refunded");
      assertThat(p.videos(refused)).isEmpty();
    }
    assertThat(p.videos(fine)).hasSize(1);
    assertThat(posts(fake)).as("a refused input is not sent again").isEqualTo(3);
    assertThat(p.quotaOf("u1").user().jobs().used()).isZero();
    assertThat(p.quotaOf("u2").user().seconds().used()).isZero();
    p.assertNoQuotaLost();
  }

  @ParameterizedTest
  @EnumSource(ProviderFamily.class)
  void aRejectedApiKeyTellsUsersTheServiceIsUnavailableAndAlertsTheOperator(ProviderFamily family) {
    String wrongKey = "sk-wrong-5e6f7a8b9c0d1e2f";
    FakeProviderServer fake = start(family);
    FaultPipeline p = pipeline(family.client("p", fake, wrongKey, 3, clock));
    List<String> ids = p.submitMany(3, family.family);

    String log;
    try (LogCapture capture = LogCapture.start()) {
      p.runUntilAnswered(STEP, 20);
      log = capture.text();
    }

    for (String id : ids) {
      assertThat(p.job(id).state()).isEqualTo(JobState.FAILED);
      assertThat(p.statusText(id)).startsWith("❌ Job " + id + " failed: " + UNAVAILABLE);
      assertThat(log).contains("OPERATOR ACTION NEEDED: provider p refused job " + id);
    }
    assertThat(posts(fake)).as("not retried").isEqualTo(3);
    assertThat(fake.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).isNotNull());
    assertThat(log).doesNotContain(wrongKey);
    p.assertNoQuotaLost();
  }

  @Test
  void jobsFailOverToTheSecondArkWhileTheFirstKeepsAnswering500() throws Exception {
    FakeProviderServer broken = start(ProviderFamily.ARK);
    FakeProviderServer healthy = start(ProviderFamily.ARK);
    broken.failNext(10_000, Fault.serverError());
    FaultPipeline p =
        pipeline(
            ProviderFamily.ARK.client("ark-a", broken, 3, clock),
            ProviderFamily.ARK.client("ark-b", healthy, 3, clock));
    List<String> ids = p.submitMany(6, ProviderFamily.ARK.family);

    p.runUntilAnswered(STEP, 200);

    for (String id : ids) {
      Job job = p.job(id);
      assertThat(job.state()).as(id).isEqualTo(JobState.SUCCEEDED);
      assertThat(job.providerName()).as(id).isEqualTo("ark-b");
      assertThat(Files.readAllBytes(p.videos(id).get(0).video())).isEqualTo(healthy.videoBytes());
    }
    assertThat(posts(healthy)).isEqualTo(6);
    assertThat(broken.requests())
        .as("the broken provider is avoided after %d failures", ProviderRouter.FAILURES_TO_AVOID)
        .hasSize(ProviderRouter.FAILURES_TO_AVOID)
        .allSatisfy(r -> assertThat(r.method()).isEqualTo("POST"));
    p.assertNoQuotaLost();
  }

  private FakeProviderServer start(ProviderFamily family) {
    FakeProviderServer fake = family.startFake();
    toClose.add(fake);
    return fake;
  }

  private FaultPipeline pipeline(VideoProvider... providers) {
    FaultPipeline pipeline = new FaultPipeline(dir, clock, Arrays.asList(providers));
    toClose.add(pipeline);
    return pipeline;
  }

  /** How many create requests the fake received. */
  private static long posts(FakeProviderServer fake) {
    return fake.requests().stream().filter(r -> r.method().equals("POST")).count();
  }
}
