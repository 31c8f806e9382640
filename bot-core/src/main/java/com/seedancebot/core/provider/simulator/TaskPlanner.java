package com.seedancebot.core.provider.simulator;

import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.MediaInput;
import com.seedancebot.core.request.MediaKind;
import com.seedancebot.core.request.MediaRole;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Turns a checked request into a new {@link SimulatedTask}: Ark-style id, resolved ratio and
 * duration, seed, and whether (and how) it will fail. Not thread-safe (the random generator may not
 * be): callers serialise calls.
 */
final class TaskPlanner {

  static final String INTERNAL_ERROR = "InternalServiceError";
  static final String INTERNAL_ERROR_MESSAGE =
      "The service encountered an unexpected internal error.";
  private static final String OUTPUT_REFUSED_MESSAGE =
      "The request failed because the output video may contain sensitive content.";
  private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private final Clock clock;
  private final RandomGenerator random;
  private final double failureRate;
  private final PromptTriggers triggers;

  TaskPlanner(Clock clock, RandomGenerator random, double failureRate, PromptTriggers triggers) {
    this.clock = clock;
    this.random = random;
    this.failureRate = failureRate;
    this.triggers = triggers;
  }

  /**
   * A new task for the request; throws {@code InvalidParameter} for values Ark refuses.
   *
   * @param idTaken whether an id is already in use
   */
  SimulatedTask plan(GenerationRequest request, Predicate<String> idTaken) {
    int duration = SubmitChecks.duration(request.durationSeconds());
    String resolution = SubmitChecks.resolution(request.resolution());
    MediaInput first =
        request.media(MediaKind.IMAGE, MediaRole.FIRST_FRAME).stream().findFirst().orElse(null);
    String ratio =
        ClipGeometry.resolveRatio(
            SubmitChecks.ratio(request.ratio()),
            first == null ? null : first.info().width(),
            first == null ? null : first.info().height());
    long seed =
        request.seed() != null && request.seed() >= 0 ? request.seed() : random.nextLong(1L << 32);
    String failureCode = null;
    String failureMessage = null;
    if (triggers.failsTask(request.prompt())) {
      failureCode = PromptTriggers.OUTPUT_REFUSED;
      failureMessage = OUTPUT_REFUSED_MESSAGE;
    } else if (random.nextDouble() < failureRate) {
      failureCode = INTERNAL_ERROR;
      failureMessage = INTERNAL_ERROR_MESSAGE;
    }
    return new SimulatedTask(
        newId(idTaken),
        request.modelId(),
        request.prompt(),
        ratio,
        resolution,
        duration,
        seed,
        request.returnLastFrame(),
        clock.millis(),
        failureCode,
        failureMessage,
        false);
  }

  /** {@code cgt-<yyyyMMddHHmmss>-<5 lowercase alnum>}, in the clock's zone. */
  private String newId(Predicate<String> idTaken) {
    String time = ID_TIME.format(clock.instant().atZone(clock.getZone()));
    while (true) {
      StringBuilder id = new StringBuilder("cgt-").append(time).append('-');
      for (int i = 0; i < 5; i++) {
        id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
      }
      if (!idTaken.test(id.toString())) {
        return id.toString();
      }
    }
  }
}
