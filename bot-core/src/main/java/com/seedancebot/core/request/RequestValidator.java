package com.seedancebot.core.request;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a request against its model's limits before anything is spent, and returns every problem
 * at once (an empty list means valid). Stateless and thread-safe.
 */
public final class RequestValidator {

  public List<ValidationProblem> validate(GenerationRequest request, ModelSpec model) {
    List<ValidationProblem> problems = new ArrayList<>();
    Capabilities caps = model.capabilities();
    if (request.prompt().length() > GenerationRequest.MAX_PROMPT_CHARS) {
      problems.add(
          ValidationProblem.of(
              "prompt.too_long", request.prompt().length(), GenerationRequest.MAX_PROMPT_CHARS));
    }
    Integer d = request.durationSeconds();
    if (d != null
        && !(d == -1 && caps.autoDuration())
        && (d < caps.minDuration() || d > caps.maxDuration())) {
      problems.add(
          ValidationProblem.of("duration.range", d, caps.minDuration(), caps.maxDuration()));
    }
    return problems;
  }
}
