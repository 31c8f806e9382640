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
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

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
  void everyMethodOfThePortIsPassedOnNoneLeftAtItsDefault() {
    List<String> notPassedOn =
        Stream.of(VideoProvider.class.getMethods())
            .filter(m -> !Modifier.isStatic(m.getModifiers()))
            .filter(m -> declaredBy(m) != TimedVideoProvider.class)
            .map(Method::getName)
            .toList();

    assertThat(notPassedOn)
        .as("VideoProvider methods TimedVideoProvider does not override")
        .isEmpty();
  }

  private static Class<?> declaredBy(Method portMethod) {
    try {
      return TimedVideoProvider.class
          .getMethod(portMethod.getName(), portMethod.getParameterTypes())
          .getDeclaringClass();
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }
}
