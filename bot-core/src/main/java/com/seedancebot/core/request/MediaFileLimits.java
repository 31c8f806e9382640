package com.seedancebot.core.request;

import static com.seedancebot.core.request.RequestProblem.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The limits on each file (PROVIDERS.md "Input limits", the same on every family). Sizes are in
 * MiB. A field that inspection could not determine ({@code null}, as for {@code asset://} ids) is
 * not checked. "480p–720p" for a reference video is read as: its shorter side is 480 to 720 px
 * (landscape 854×480 up to 1280×720, and the same turned portrait); like images, its aspect must be
 * 0.4–2.5 (seed 004). Inputs are numbered from 1 per kind, in the order the user gave them.
 */
final class MediaFileLimits {

  static final Set<String> IMAGE_TYPES =
      Set.of(
          "image/jpeg",
          "image/jpg",
          "image/pjpeg",
          "image/png",
          "image/webp",
          "image/bmp",
          "image/x-bmp",
          "image/x-ms-bmp",
          "image/tiff",
          "image/gif");
  static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/quicktime");
  static final Set<String> AUDIO_TYPES =
      Set.of("audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave", "audio/mpeg", "audio/mp3");

  private static final long MIB = 1024L * 1024L;
  private static final long MAX_IMAGE_BYTES = 30 * MIB;
  private static final long MAX_VIDEO_BYTES = 50 * MIB;
  private static final long MAX_AUDIO_BYTES = 15 * MIB;
  private static final double MIN_ASPECT = 0.4;
  private static final double MAX_ASPECT = 2.5;

  void check(List<MediaInput> media, List<ValidationProblem> problems) {
    Map<MediaKind, Integer> numbers = new EnumMap<>(MediaKind.class);
    for (MediaInput input : media) {
      int n = numbers.merge(input.kind(), 1, Integer::sum);
      MediaInfo info = input.info();
      switch (input.kind()) {
        case IMAGE -> checkImage(n, info, problems);
        case VIDEO -> checkVideo(n, info, problems);
        case AUDIO -> checkAudio(n, info, problems);
      }
    }
  }

  private static void checkImage(int n, MediaInfo info, List<ValidationProblem> problems) {
    checkType(n, info, IMAGE_TYPES, IMAGE_FORMAT, problems);
    checkSize(n, info, MAX_IMAGE_BYTES, IMAGE_SIZE, problems);
    Integer w = info.width();
    Integer h = info.height();
    if (w != null && h != null) {
      if (Math.min(w, h) < 300 || Math.max(w, h) > 6000) {
        problems.add(IMAGE_DIMENSIONS.with(n, w, h));
      }
      if (badAspect(w, h)) {
        problems.add(IMAGE_ASPECT.with(n, w, h));
      }
    }
  }

  private static void checkVideo(int n, MediaInfo info, List<ValidationProblem> problems) {
    checkType(n, info, VIDEO_TYPES, VIDEO_FORMAT, problems);
    checkSize(n, info, MAX_VIDEO_BYTES, VIDEO_SIZE, problems);
    checkDuration(n, info, VIDEO_DURATION, problems);
    Integer w = info.width();
    Integer h = info.height();
    if (w != null && h != null) {
      int shortSide = Math.min(w, h);
      if (shortSide < 480 || shortSide > 720) {
        problems.add(VIDEO_RESOLUTION.with(n, w, h));
      }
      if (badAspect(w, h)) {
        problems.add(VIDEO_ASPECT.with(n, w, h));
      }
    }
    Double fps = info.framesPerSecond();
    if (fps != null && (fps < 24 || fps > 60)) {
      problems.add(VIDEO_FPS.with(n, fps));
    }
  }

  private static void checkAudio(int n, MediaInfo info, List<ValidationProblem> problems) {
    checkType(n, info, AUDIO_TYPES, AUDIO_FORMAT, problems);
    checkSize(n, info, MAX_AUDIO_BYTES, AUDIO_SIZE, problems);
    checkDuration(n, info, AUDIO_DURATION, problems);
  }

  private static void checkType(
      int n,
      MediaInfo info,
      Set<String> accepted,
      RequestProblem problem,
      List<ValidationProblem> problems) {
    String mime = info.mimeType();
    if (mime == null || mime.isBlank()) {
      return;
    }
    String bare = mime.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!accepted.contains(bare)) {
      problems.add(problem.with(n, bare));
    }
  }

  private static void checkSize(
      int n, MediaInfo info, long limit, RequestProblem problem, List<ValidationProblem> problems) {
    if (info.sizeBytes() >= limit) {
      problems.add(problem.with(n, (double) info.sizeBytes() / MIB));
    }
  }

  private static void checkDuration(
      int n, MediaInfo info, RequestProblem problem, List<ValidationProblem> problems) {
    Double seconds = info.durationSeconds();
    if (seconds != null && (seconds < 2 || seconds > Capabilities.MAX_REFERENCE_SECONDS)) {
      problems.add(problem.with(n, seconds));
    }
  }

  private static boolean badAspect(int w, int h) {
    double aspect = (double) w / h;
    return aspect < MIN_ASPECT || aspect > MAX_ASPECT;
  }
}
