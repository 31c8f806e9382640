package com.seedancebot.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.seedancebot.app.health.ProviderHealthIndicator;
import com.seedancebot.core.provider.ProviderException;
import com.seedancebot.core.provider.ProviderRequests;
import com.seedancebot.core.provider.SubmitRequest;
import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.testing.ScriptedVideoProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class TimedVideoProviderTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void aLostCreateIsFoundThroughTheTimedProviderAsThroughTheProviderItself() {
    // given a provider that can look for the task a lost create made (as Ark can)
    ScriptedVideoProvider ark = new ScriptedVideoProvider("ark", 3);
    ark.canFindCreated(true);
    VideoProvider timed =
        new TimedVideoProvider(ark, registry, new ProviderHealthIndicator(Clock.systemUTC()));
    SubmitRequest create =
        new SubmitRequest(
            ProviderRequests.request("doubao-seedance-2-0-260128", "a red fox").withSeed(42L),
            List.of(),
            null,
            "telegram:1");
    Instant sent = Instant.parse("2026-11-30T00:00:00Z");

    // when the create's answer is lost on the way back
    ark.loseNextSubmitAnswers(1);
    assertThatThrownBy(() -> timed.submit(create))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.isOutcomeUnknown()).isTrue());

    // then the timed provider, too, says it can look, and finds the task the create made
    assertThat(timed.canFindCreated()).isTrue();
    assertThat(timed.findCreated(create, sent)).contains(ark.taskIds().get(0));
    assertThat(registry.get("seedance.provider.calls").tag("operation", "find").counter().count())
        .isEqualTo(1);
  }

  @Test
  void callsInARowThatFailDegradeTheProviderAndAnAnswerRestoresIt() {
    // given a provider that refuses a prompt, then is unreachable three times
    ScriptedVideoProvider ark = new ScriptedVideoProvider("ark", 3);
    ProviderHealthIndicator health = new ProviderHealthIndicator(Clock.systemUTC());
    VideoProvider timed = new TimedVideoProvider(ark, registry, health);
    SubmitRequest create =
        new SubmitRequest(
            ProviderRequests.request("doubao-seedance-2-0-260128", "a red fox"),
            List.of(),
            null,
            "telegram:1");
    ark.failNextSubmit(
        new ProviderException(
            ProviderException.Kind.CONTENT_REFUSED,
            "SensitiveContent",
            "refused",
            (Throwable) null));
    for (int i = 0; i < 3; i++) {
      ark.failNextSubmit(ProviderException.transientFailure("HTTP 503", null));
    }

    // when the bot calls it four times
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> timed.submit(create)).isInstanceOf(ProviderException.class);
    }

    // then the refusal counts as an answer, the three failures degrade it, each call is counted
    assertThat(health.health().getStatus()).isEqualTo(ProviderHealthIndicator.DEGRADED);
    assertThat(health.health().getDetails()).containsEntry("failuresInARow", 3);
    assertThat(calls("content_refused", "SensitiveContent")).isEqualTo(1);
    assertThat(calls("transient", "none")).isEqualTo(3);

    // when it answers again, it is up
    timed.submit(create);
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    assertThat(calls("ok", "none")).isEqualTo(1);
  }

  private double calls(String outcome, String errorCode) {
    return registry
        .get("seedance.provider.calls")
        .tag("operation", "submit")
        .tag("outcome", outcome)
        .tag("error_code", errorCode)
        .counter()
        .count();
  }

  @Test
  void everyMethodOfThePortIsPassedOnNoneLeftAtItsDefault() {
    assertThat(Decorators.notPassedOn(VideoProvider.class, TimedVideoProvider.class))
        .as("VideoProvider methods TimedVideoProvider does not override")
        .isEmpty();
  }
}
