package com.seedancebot.app.web;

import com.seedancebot.app.metrics.MetricNames;
import com.seedancebot.core.job.CallbackIntake;
import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.provider.ark.ArkTaskJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives provider callbacks at {@code POST /callbacks/{token}}. Callbacks are not signed, so the
 * body is never trusted: the unguessable per-job token only says which job to look at, and the
 * tracker confirms the state with the provider (a GET) before acting; the body's status is only a
 * hint of whether anything changed. Unknown tokens get 404; known ones 200 at once, so the provider
 * does not retry. Every callback counts in {@link MetricNames#CALLBACKS_RECEIVED}, each refused one
 * also in {@link MetricNames#CALLBACKS_REJECTED}.
 */
@RestController
public class CallbackController {

  public static final String PATH_PREFIX = "/callbacks/";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final CallbackIntake callbacks;
  private final Counter received;
  private final Counter unknownToken;

  public CallbackController(CallbackIntake callbacks, MeterRegistry registry) {
    this.callbacks = callbacks;
    this.received =
        Counter.builder(MetricNames.CALLBACKS_RECEIVED)
            .description("Provider callbacks received")
            .register(registry);
    this.unknownToken =
        Counter.builder(MetricNames.CALLBACKS_REJECTED)
            .description("Provider callbacks refused")
            .tag("reason", "unknown_token")
            .register(registry);
  }

  @PostMapping(PATH_PREFIX + "{token}")
  public ResponseEntity<Void> callback(
      @PathVariable String token, @RequestBody(required = false) String body) {
    received.increment();
    if (callbacks.accept(token, hintedState(body))) {
      return ResponseEntity.ok().build();
    }
    unknownToken.increment();
    return ResponseEntity.notFound().build();
  }

  /** The state the (untrusted) body claims, or null when it cannot be read. */
  private static TaskState hintedState(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return ArkTaskJson.parse(body, JSON).state();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
