package com.seedancebot.core.bot;

import com.seedancebot.core.chat.VideoOptions;
import com.seedancebot.core.request.Capabilities;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.ModelSpec;
import com.seedancebot.core.request.RequestValidator;
import com.seedancebot.core.request.ValidationProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks per-chat defaults ({@code /settings}) against one model, one option at a time, with the
 * request validator's own rules: a default is judged exactly as the same value typed in {@code
 * /video} would be, and each problem is tied to the option that caused it. Stateless and
 * thread-safe.
 */
final class SettingsFit {

  /** The defaults a chat may store, besides the model. */
  enum Setting {
    DURATION,
    RATIO,
    RESOLUTION,
    AUDIO
  }

  /**
   * One default the model cannot take.
   *
   * @param shown the option as the user writes it, e.g. {@code --ratio 7:5}
   * @param example a value the model takes, written the same way, e.g. {@code --ratio 16:9}
   * @param problems the validator's problems with it (never empty)
   */
  record Unfit(Setting setting, String shown, String example, List<ValidationProblem> problems) {
    Unfit {
      problems = List.copyOf(problems);
    }
  }

  private final RequestValidator validator;

  SettingsFit(RequestValidator validator) {
    this.validator = validator;
  }

  /** The defaults among {@code values} that {@code model} cannot take, in option order. */
  List<Unfit> unfit(VideoOptions values, ModelSpec model) {
    List<Unfit> unfit = new ArrayList<>();
    for (Setting setting : Setting.values()) {
      GenerationRequest alone = only(setting, values, model);
      if (alone == null) {
        continue;
      }
      List<ValidationProblem> problems = validator.validateOptions(alone, model);
      if (!problems.isEmpty()) {
        unfit.add(
            new Unfit(
                setting, shown(setting, values), example(setting, model.capabilities()), problems));
      }
    }
    return unfit;
  }

  /** The stored defaults that the {@code typed} options leave in force (model included). */
  static VideoOptions keptBy(VideoOptions stored, VideoOptions typed) {
    return new VideoOptions(
        typed.duration() != null ? null : stored.duration(),
        typed.ratio() != null ? null : stored.ratio(),
        typed.resolution() != null ? null : stored.resolution(),
        typed.model() != null ? null : stored.model(),
        typed.audio() != null ? null : stored.audio(),
        null,
        false,
        false,
        List.of(),
        false,
        false);
  }

  /** {@code values} without the given defaults (the model's own defaults then apply). */
  static VideoOptions without(VideoOptions values, List<Unfit> unfit) {
    List<Setting> drop = unfit.stream().map(Unfit::setting).toList();
    return new VideoOptions(
        drop.contains(Setting.DURATION) ? null : values.duration(),
        drop.contains(Setting.RATIO) ? null : values.ratio(),
        drop.contains(Setting.RESOLUTION) ? null : values.resolution(),
        values.model(),
        drop.contains(Setting.AUDIO) ? null : values.audio(),
        values.seed(),
        values.lastFrame(),
        values.ref(),
        values.assetIds(),
        values.watermark(),
        values.webSearch(),
        values.draft(),
        values.flex());
  }

  /** A request with only this one default set, or null when the chat has none for it. */
  private static GenerationRequest only(Setting setting, VideoOptions v, ModelSpec model) {
    Integer duration = setting == Setting.DURATION ? v.duration() : null;
    String ratio = setting == Setting.RATIO ? v.ratio() : null;
    String resolution = setting == Setting.RESOLUTION ? v.resolution() : null;
    Boolean audio = setting == Setting.AUDIO ? v.audio() : null;
    if (duration == null && ratio == null && resolution == null && audio == null) {
      return null;
    }
    return new GenerationRequest(
        model.id(), "", duration, ratio, resolution, audio, null, false, false, false, null);
  }

  private static String shown(Setting setting, VideoOptions values) {
    return switch (setting) {
      case DURATION -> "--duration " + values.duration();
      case RATIO -> "--ratio " + values.ratio();
      case RESOLUTION -> "--res " + values.resolution();
      case AUDIO -> Boolean.TRUE.equals(values.audio()) ? "--audio" : "--no-audio";
    };
  }

  private static String example(Setting setting, Capabilities caps) {
    return switch (setting) {
      case DURATION -> "--duration " + caps.defaultDuration();
      case RATIO -> "--ratio " + caps.defaultRatio();
      case RESOLUTION -> "--res " + caps.defaultResolution();
      case AUDIO -> "--no-audio";
    };
  }
}
