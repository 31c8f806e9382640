package com.seedancebot.core.request;

/**
 * Every problem the {@link RequestValidator} can report. Each constant is one message key {@code
 * problem.<code>} in the {@code problems} bundles; the arguments of each are listed beside it (in
 * MessageFormat order). A model is always passed by its label.
 */
public enum RequestProblem {
  /** length, max. */
  PROMPT_TOO_LONG("prompt.too_long"),
  /** model. */
  PROMPT_REQUIRED("prompt.required"),
  /** model. */
  PROMPT_ALWAYS_REQUIRED("prompt.always_required"),
  /** asked, min, max, model. */
  DURATION_RANGE("duration.range"),
  /** asked, min, max, model. */
  DURATION_RANGE_AUTO("duration.range_auto"),
  /** ratio, model, accepted ratios. */
  RATIO_UNSUPPORTED("ratio.unsupported"),
  /** resolution, model, accepted resolutions. */
  RESOLUTION_UNSUPPORTED("resolution.unsupported"),
  /** resolution, model. */
  RESOLUTION_FIXED("resolution.fixed"),
  /** seed. */
  SEED_RANGE("seed.range"),
  /** model. */
  SEED_UNSUPPORTED("seed.unsupported"),
  /** model. */
  GENERATE_AUDIO_UNSUPPORTED("generate_audio.unsupported"),
  /** model. */
  WEB_SEARCH_UNSUPPORTED("web_search.unsupported"),
  /** (none). */
  WEB_SEARCH_WITH_MEDIA("web_search.with_media"),
  /** model. */
  DRAFT_UNSUPPORTED("draft.unsupported"),
  /** resolution asked, the draft resolution. */
  DRAFT_RESOLUTION("draft.resolution"),
  /** model. */
  FLEX_UNSUPPORTED("flex.unsupported"),
  /** model. */
  MEDIA_REQUIRED("media.required"),
  /** model. */
  ASSET_UNSUPPORTED("asset.unsupported"),
  /** (none). */
  FRAME_NOT_IMAGE("frame.not_image"),
  /** model. */
  FIRST_FRAME_UNSUPPORTED("frame.first.unsupported"),
  /** model. */
  LAST_FRAME_UNSUPPORTED("frame.last.unsupported"),
  /** count. */
  FIRST_FRAME_TOO_MANY("frame.first.too_many"),
  /** count. */
  LAST_FRAME_TOO_MANY("frame.last.too_many"),
  /** (none). */
  LAST_FRAME_WITHOUT_FIRST("frame.last.without_first"),
  /** (none). */
  FRAMES_WITH_REFERENCES("mode.frames_with_references"),
  /** model. */
  REFERENCE_IMAGES_UNSUPPORTED("reference.images.unsupported"),
  /** model. */
  REFERENCE_VIDEOS_UNSUPPORTED("reference.videos.unsupported"),
  /** model. */
  REFERENCE_AUDIOS_UNSUPPORTED("reference.audios.unsupported"),
  /** count, max, model. */
  REFERENCE_IMAGES_TOO_MANY("reference.images.too_many"),
  /** count, max, model. */
  REFERENCE_VIDEOS_TOO_MANY("reference.videos.too_many"),
  /** count, max, model. */
  REFERENCE_AUDIOS_TOO_MANY("reference.audios.too_many"),
  /** resolution, model, accepted resolutions. */
  REFERENCE_IMAGES_RESOLUTION("reference.images.resolution"),
  /** total seconds, max seconds. */
  REFERENCE_VIDEOS_TOTAL("reference.videos.total"),
  /** total seconds, max seconds. */
  REFERENCE_AUDIOS_TOTAL("reference.audios.total"),
  /** (none). */
  REFERENCE_AUDIO_ALONE("reference.audio.alone"),
  /** model. */
  REFERENCE_VIDEO_REQUIRED("reference.video.required"),
  /** number, mime type. */
  IMAGE_FORMAT("image.format"),
  /** number, megabytes. */
  IMAGE_SIZE("image.size"),
  /** number, width, height. */
  IMAGE_DIMENSIONS("image.dimensions"),
  /** number, width, height. */
  IMAGE_ASPECT("image.aspect"),
  /** number, mime type. */
  VIDEO_FORMAT("video.format"),
  /** number, megabytes. */
  VIDEO_SIZE("video.size"),
  /** number, seconds. */
  VIDEO_DURATION("video.duration"),
  /** number, width, height. */
  VIDEO_RESOLUTION("video.resolution"),
  /** number, width, height. */
  VIDEO_ASPECT("video.aspect"),
  /** number, frames per second. */
  VIDEO_FPS("video.fps"),
  /** number, mime type. */
  AUDIO_FORMAT("audio.format"),
  /** number, megabytes. */
  AUDIO_SIZE("audio.size"),
  /** number, seconds. */
  AUDIO_DURATION("audio.duration");

  private final String code;

  RequestProblem(String code) {
    this.code = code;
  }

  /** The code of {@link ValidationProblem#code()}; the message key is {@code problem.<code>}. */
  public String code() {
    return code;
  }

  /** The message key in the {@code problems} bundles. */
  public String messageKey() {
    return "problem." + code;
  }

  /** This problem with its arguments. */
  public ValidationProblem with(Object... args) {
    return ValidationProblem.of(code, args);
  }
}
