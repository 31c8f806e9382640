package com.seedancebot.core.provider.simulator;

import com.seedancebot.core.provider.ProviderException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deterministic failures asked for in the prompt, so that tests and demos can show every outcome:
 *
 * <ul>
 *   <li>{@code [fail]}: the task runs, then fails with {@code OutputVideoSensitiveContentDetected};
 *   <li>{@code [refuse]}: submit is refused with {@code InputTextSensitiveContentDetected};
 *   <li>{@code [fail-transient]}: the first submit of that exact prompt (per simulator instance)
 *       fails with a transient {@code ServerOverloaded}; a retry succeeds.
 * </ul>
 *
 * Thread-safe.
 */
final class PromptTriggers {

  static final String OUTPUT_REFUSED = "OutputVideoSensitiveContentDetected";

  private final Set<String> overloadedOnce = ConcurrentHashMap.newKeySet();

  /** Throws the submit-time failure the prompt asks for, if any. */
  void checkSubmit(String prompt) {
    if (prompt.contains("[refuse]")) {
      throw new ProviderException(
          ProviderException.Kind.CONTENT_REFUSED,
          "InputTextSensitiveContentDetected",
          "The request failed because the input text may contain sensitive information.",
          (Duration) null);
    }
    if (prompt.contains("[fail-transient]") && overloadedOnce.add(prompt)) {
      throw new ProviderException(
          ProviderException.Kind.TRANSIENT,
          "ServerOverloaded",
          "The service is currently unable to handle additional requests due to server overload.",
          Duration.ofSeconds(1));
    }
  }

  /** Whether the task must fail once it has run. */
  boolean failsTask(String prompt) {
    return prompt.contains("[fail]");
  }
}
