package com.seedancebot.core.request;

import static com.seedancebot.core.request.RequestProblem.DRAFT_RESOLUTION;
import static com.seedancebot.core.request.RequestProblem.DRAFT_UNSUPPORTED;
import static com.seedancebot.core.request.RequestProblem.DURATION_RANGE;
import static com.seedancebot.core.request.RequestProblem.DURATION_RANGE_AUTO;
import static com.seedancebot.core.request.RequestProblem.FLEX_UNSUPPORTED;
import static com.seedancebot.core.request.RequestProblem.GENERATE_AUDIO_UNSUPPORTED;
import static com.seedancebot.core.request.RequestProblem.PROMPT_ALWAYS_REQUIRED;
import static com.seedancebot.core.request.RequestProblem.PROMPT_REQUIRED;
import static com.seedancebot.core.request.RequestProblem.PROMPT_TOO_LONG;
import static com.seedancebot.core.request.RequestProblem.RATIO_UNSUPPORTED;
import static com.seedancebot.core.request.RequestProblem.RESOLUTION_FIXED;
import static com.seedancebot.core.request.RequestProblem.RESOLUTION_UNSUPPORTED;
import static com.seedancebot.core.request.RequestProblem.SEED_RANGE;
import static com.seedancebot.core.request.RequestProblem.SEED_UNSUPPORTED;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a request against its model's limits before anything is spent, and returns every problem
 * at once (an empty list means valid). Options left {@code null} take the model's defaults and are
 * valid by construction. Every code comes from {@link RequestProblem}. A request that renders a
 * draft in full ({@link GenerationRequest#fromDraft()}) carries the draft's prompt only for its
 * card, so its prompt is not checked. Stateless and thread-safe.
 */
public final class RequestValidator {

  /** Highest seed any family accepts: 2^32 - 1 ({@code -1} = random). */
  public static final long MAX_SEED = 4_294_967_295L;

  private final MediaCompositionRules composition = new MediaCompositionRules();
  private final MediaFileLimits files = new MediaFileLimits();

  public List<ValidationProblem> validate(GenerationRequest request, ModelSpec model) {
    List<ValidationProblem> problems = new ArrayList<>();
    if (!request.fromDraft()) {
      checkPrompt(request, model, problems);
    }
    checkOptions(request, model, problems);
    composition.check(request, model, problems);
    files.check(request.media(), problems);
    return List.copyOf(problems);
  }

  /**
   * Only the option checks (duration, ratio, resolution, seed, sound), with the same rules and
   * codes as {@link #validate}: what a chat default may hold whatever prompt and media come later.
   */
  public List<ValidationProblem> validateOptions(GenerationRequest request, ModelSpec model) {
    List<ValidationProblem> problems = new ArrayList<>();
    checkOptions(request, model, problems);
    return List.copyOf(problems);
  }

  private static void checkPrompt(
      GenerationRequest request, ModelSpec model, List<ValidationProblem> problems) {
    String prompt = request.prompt();
    int length = prompt.codePointCount(0, prompt.length());
    if (length > GenerationRequest.MAX_PROMPT_CHARS) {
      problems.add(PROMPT_TOO_LONG.with(length, GenerationRequest.MAX_PROMPT_CHARS));
    }
    Capabilities caps = model.capabilities();
    if (prompt.isEmpty() && caps.promptRequired()) {
      problems.add(PROMPT_ALWAYS_REQUIRED.with(model.label()));
    } else if (prompt.isEmpty() && request.media().isEmpty() && caps.textToVideo()) {
      problems.add(PROMPT_REQUIRED.with(model.label()));
    }
  }

  private static void checkOptions(
      GenerationRequest request, ModelSpec model, List<ValidationProblem> problems) {
    Capabilities caps = model.capabilities();
    Integer d = request.durationSeconds();
    if (d != null
        && !(d == -1 && caps.autoDuration())
        && (d < caps.minDuration() || d > caps.maxDuration())) {
      problems.add(
          (caps.autoDuration() ? DURATION_RANGE_AUTO : DURATION_RANGE)
              .with(d, caps.minDuration(), caps.maxDuration(), model.label()));
    }
    String ratio = request.ratio();
    if (ratio != null && !caps.ratios().contains(ratio)) {
      problems.add(RATIO_UNSUPPORTED.with(ratio, model.label(), OptionOrder.ratios(caps.ratios())));
    }
    String resolution = request.resolution();
    if (resolution != null && !caps.resolutions().contains(resolution)) {
      problems.add(
          caps.resolutions().size() == 1
              ? RESOLUTION_FIXED.with(resolution, model.label())
              : RESOLUTION_UNSUPPORTED.with(
                  resolution, model.label(), OptionOrder.resolutions(caps.resolutions())));
    }
    Long seed = request.seed();
    if (seed != null && seed != -1 && !caps.seed()) {
      problems.add(SEED_UNSUPPORTED.with(model.label()));
    } else if (seed != null && (seed < -1 || seed > MAX_SEED)) {
      problems.add(SEED_RANGE.with(String.valueOf(seed)));
    }
    if (Boolean.TRUE.equals(request.generateAudio()) && !caps.audio()) {
      problems.add(GENERATE_AUDIO_UNSUPPORTED.with(model.label()));
    }
    checkTiers(request, model, problems);
  }

  /** Draft mode and offline inference exist on some models only; a draft is always 480p. */
  private static void checkTiers(
      GenerationRequest request, ModelSpec model, List<ValidationProblem> problems) {
    Capabilities caps = model.capabilities();
    if (request.draft() && !caps.draft()) {
      problems.add(DRAFT_UNSUPPORTED.with(model.label()));
    } else if (request.draft()
        && request.resolution() != null
        && !request.resolution().equals(GenerationRequest.DRAFT_RESOLUTION)) {
      problems.add(DRAFT_RESOLUTION.with(request.resolution(), GenerationRequest.DRAFT_RESOLUTION));
    }
    if (request.flex() && !caps.flex()) {
      problems.add(FLEX_UNSUPPORTED.with(model.label()));
    }
  }
}
