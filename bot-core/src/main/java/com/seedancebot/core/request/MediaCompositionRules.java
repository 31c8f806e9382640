package com.seedancebot.core.request;

import static com.seedancebot.core.request.MediaKind.AUDIO;
import static com.seedancebot.core.request.MediaKind.IMAGE;
import static com.seedancebot.core.request.MediaKind.VIDEO;
import static com.seedancebot.core.request.MediaRole.FIRST_FRAME;
import static com.seedancebot.core.request.MediaRole.LAST_FRAME;
import static com.seedancebot.core.request.MediaRole.REFERENCE;
import static com.seedancebot.core.request.RequestProblem.*;

import java.util.List;
import java.util.Objects;

/**
 * The rules about which inputs a request combines: frames versus references, counts, totals, what
 * the model takes at all, {@code asset://} ids and web search. Stateless.
 */
final class MediaCompositionRules {

  void check(GenerationRequest request, ModelSpec model, List<ValidationProblem> problems) {
    Capabilities caps = model.capabilities();
    List<MediaInput> media = request.media();
    if (media.stream().anyMatch(m -> m.role() != REFERENCE && m.kind() != IMAGE)) {
      problems.add(FRAME_NOT_IMAGE.with());
    }
    int firsts = request.media(IMAGE, FIRST_FRAME).size();
    int lasts = request.media(IMAGE, LAST_FRAME).size();
    checkFrames(firsts, lasts, model, problems);
    List<MediaInput> images = request.media(IMAGE, REFERENCE);
    List<MediaInput> videos = request.media(VIDEO, REFERENCE);
    List<MediaInput> audios = request.media(AUDIO, REFERENCE);
    boolean mixed = firsts + lasts > 0 && images.size() + videos.size() + audios.size() > 0;
    if (mixed) {
      problems.add(FRAMES_WITH_REFERENCES.with());
    }
    checkCount(
        images.size(),
        caps.maxReferenceImages(),
        model,
        problems,
        REFERENCE_IMAGES_UNSUPPORTED,
        REFERENCE_IMAGES_TOO_MANY);
    checkCount(
        videos.size(),
        caps.maxReferenceVideos(),
        model,
        problems,
        REFERENCE_VIDEOS_UNSUPPORTED,
        REFERENCE_VIDEOS_TOO_MANY);
    checkCount(
        audios.size(),
        caps.maxReferenceAudios(),
        model,
        problems,
        REFERENCE_AUDIOS_UNSUPPORTED,
        REFERENCE_AUDIOS_TOO_MANY);
    String resolution = Objects.requireNonNullElse(request.resolution(), caps.defaultResolution());
    if (!images.isEmpty()
        && caps.maxReferenceImages() > 0
        && caps.resolutions().contains(resolution)
        && !caps.referenceImageResolutions().contains(resolution)) {
      problems.add(
          REFERENCE_IMAGES_RESOLUTION.with(
              resolution,
              model.label(),
              OptionOrder.resolutions(caps.referenceImageResolutions())));
    }
    checkTotal(videos, REFERENCE_VIDEOS_TOTAL, problems);
    checkTotal(audios, REFERENCE_AUDIOS_TOTAL, problems);
    if (!mixed && !audios.isEmpty() && images.isEmpty() && videos.isEmpty()) {
      problems.add(REFERENCE_AUDIO_ALONE.with());
    }
    if (caps.requiresReferenceVideo() && videos.isEmpty()) {
      problems.add(REFERENCE_VIDEO_REQUIRED.with(model.label()));
    } else if (media.isEmpty() && !caps.textToVideo()) {
      problems.add(MEDIA_REQUIRED.with(model.label()));
    }
    if (!caps.assetIds()
        && media.stream().anyMatch(m -> m.source() instanceof MediaSource.ProviderAsset)) {
      problems.add(ASSET_UNSUPPORTED.with(model.label()));
    }
    if (request.webSearch() && !caps.webSearch()) {
      problems.add(WEB_SEARCH_UNSUPPORTED.with(model.label()));
    } else if (request.webSearch() && !media.isEmpty()) {
      problems.add(WEB_SEARCH_WITH_MEDIA.with());
    }
  }

  private static void checkFrames(
      int firsts, int lasts, ModelSpec model, List<ValidationProblem> problems) {
    Capabilities caps = model.capabilities();
    if (firsts > 0 && !caps.firstFrame()) {
      problems.add(FIRST_FRAME_UNSUPPORTED.with(model.label()));
    } else if (firsts > 1) {
      problems.add(FIRST_FRAME_TOO_MANY.with(firsts));
    }
    if (lasts > 0 && !caps.lastFrame()) {
      problems.add(LAST_FRAME_UNSUPPORTED.with(model.label()));
    } else if (lasts > 1) {
      problems.add(LAST_FRAME_TOO_MANY.with(lasts));
    }
    if (lasts > 0 && firsts == 0 && caps.lastFrame()) {
      problems.add(LAST_FRAME_WITHOUT_FIRST.with());
    }
  }

  private static void checkCount(
      int count,
      int max,
      ModelSpec model,
      List<ValidationProblem> problems,
      RequestProblem unsupported,
      RequestProblem tooMany) {
    if (count > 0 && max == 0) {
      problems.add(unsupported.with(model.label()));
    } else if (count > max) {
      problems.add(tooMany.with(count, max, model.label()));
    }
  }

  private static void checkTotal(
      List<MediaInput> clips, RequestProblem problem, List<ValidationProblem> problems) {
    double total =
        clips.stream()
            .map(m -> m.info().durationSeconds())
            .filter(Objects::nonNull)
            .mapToDouble(Double::doubleValue)
            .sum();
    if (total > Capabilities.MAX_REFERENCE_SECONDS) {
      problems.add(problem.with(total, Capabilities.MAX_REFERENCE_SECONDS));
    }
  }
}
