package com.seedancebot.core.bot;

import com.seedancebot.core.request.Capabilities;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.MediaInput;
import com.seedancebot.core.request.MediaKind;
import com.seedancebot.core.request.MediaRole;
import com.seedancebot.core.request.ValidationProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 003's extension recipe applied to a request: the reference video(s) plus a text that says
 * how video 1 goes on, with a duration that keeps the clip and its extension together within the
 * model's longest video. A requested duration that does not fit is shortened (with a note, {@code
 * extend.shortened}); {@code -1} takes the room left; a clip that leaves less than the model's
 * shortest video cannot be extended ({@code extend.too_long}), nor can a request without a video
 * ({@code extend.no_video}). Stateless.
 */
final class VideoExtension {

  /** The extension request, the notes to tell the user, or the problems that prevent it. */
  record Outcome(
      GenerationRequest request, List<ValidationProblem> notes, List<ValidationProblem> problems) {}

  private VideoExtension() {}

  /**
   * @param full the request with the model's defaults applied
   * @param caps the model's limits
   * @param prompt the extension text (the recipe's sentence around the user's words)
   */
  static Outcome apply(GenerationRequest full, Capabilities caps, String prompt) {
    List<MediaInput> clips = full.media(MediaKind.VIDEO, MediaRole.REFERENCE);
    if (clips.isEmpty()) {
      return refused(ValidationProblem.of("extend.no_video"));
    }
    double seconds =
        clips.stream()
            .mapToDouble(m -> m.info().durationSeconds() == null ? 0 : m.info().durationSeconds())
            .sum();
    int used = (int) Math.ceil(seconds - 0.05);
    int room = caps.maxDuration() - used;
    if (room < caps.minDuration()) {
      return refused(
          ValidationProblem.of("extend.too_long", used, caps.maxDuration(), caps.minDuration()));
    }
    int wanted =
        full.durationSeconds() == null || full.durationSeconds() < 0
            ? room
            : full.durationSeconds();
    int chosen = Math.min(wanted, room);
    List<ValidationProblem> notes = new ArrayList<>();
    if (chosen < wanted) {
      notes.add(ValidationProblem.of("extend.shortened", wanted, chosen, used, caps.maxDuration()));
    }
    GenerationRequest extension =
        new GenerationRequest(
            full.modelId(),
            prompt,
            chosen,
            full.ratio(),
            full.resolution(),
            full.generateAudio(),
            full.seed(),
            full.returnLastFrame(),
            full.watermark(),
            full.webSearch(),
            full.media());
    return new Outcome(extension, notes, List.of());
  }

  private static Outcome refused(ValidationProblem problem) {
    return new Outcome(null, List.of(), List.of(problem));
  }
}
