package com.seedancebot.core.story;

import com.seedancebot.core.request.CostEstimate;
import com.seedancebot.core.request.CostEstimator;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.MediaInput;
import com.seedancebot.core.request.MediaKind;
import com.seedancebot.core.request.MediaRole;
import com.seedancebot.core.request.MediaSource;
import com.seedancebot.core.request.ModelSpec;
import com.seedancebot.core.request.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The requests of a storyboard's scenes, planned from its first scene's request: every scene has
 * the first one's options; the first keeps its media, and each later one starts from the previous
 * scene's last frame (a stand-in until that frame exists); every scene asks for its last frame, as
 * any video does (the last scene's lets Continue go on from the joined video). Also the estimate of
 * the whole storyboard, which is what its quota reservation holds. Stateless.
 */
public final class StoryPlan {

  /**
   * What a whole storyboard is estimated to cost.
   *
   * @param seconds seconds of video of all scenes
   * @param tokens estimated tokens of all scenes
   * @param money estimated money of all scenes, empty without prices
   */
  public record Total(int seconds, long tokens, Optional<Money> money) {}

  private StoryPlan() {}

  /** The first frame of scenes after the first, before the scene before them has made it. */
  private static MediaInput pendingFirstFrame() {
    return new MediaInput(
        MediaRole.FIRST_FRAME,
        MediaKind.IMAGE,
        new MediaSource.Stored("pending-last-frame"),
        new MediaInfo("image/png", 0, null, null, null, null));
  }

  /** Every scene's request, from the first scene's request and every scene's text. */
  public static List<GenerationRequest> scenes(GenerationRequest first, List<String> prompts) {
    List<GenerationRequest> scenes = new ArrayList<>();
    for (int i = 0; i < prompts.size(); i++) {
      scenes.add(
          scene(
              first,
              prompts.get(i),
              i == 0 ? first.media() : List.of(pendingFirstFrame()),
              i == 0 && first.webSearch()));
    }
    return scenes;
  }

  /** The scene after {@code before}, following on {@code frame}. */
  static GenerationRequest next(GenerationRequest before, String prompt, MediaInput frame) {
    return scene(before, prompt, List.of(frame), false);
  }

  /** The estimate of all scenes together. */
  public static Total total(List<GenerationRequest> scenes, ModelSpec model, CostEstimator costs) {
    int seconds = 0;
    long tokens = 0;
    Money money = null;
    for (GenerationRequest scene : scenes) {
      CostEstimate e = costs.estimate(scene, model);
      seconds += seconds(scene.withDefaults(model.capabilities()), model);
      tokens += e.tokens();
      if (e.money().isPresent()) {
        Money m = e.money().get();
        money = money == null ? m : money.plus(m);
      }
    }
    return new Total(seconds, tokens, Optional.ofNullable(money));
  }

  /** The seconds a scene reserves: its duration, or the model's longest for an automatic one. */
  static int seconds(GenerationRequest full, ModelSpec model) {
    return full.durationSeconds() < 0 ? model.capabilities().maxDuration() : full.durationSeconds();
  }

  private static GenerationRequest scene(
      GenerationRequest template, String prompt, List<MediaInput> media, boolean webSearch) {
    return new GenerationRequest(
        template.modelId(),
        prompt,
        template.durationSeconds(),
        template.ratio(),
        template.resolution(),
        template.generateAudio(),
        template.seed(),
        true,
        template.watermark(),
        webSearch,
        media);
  }
}
