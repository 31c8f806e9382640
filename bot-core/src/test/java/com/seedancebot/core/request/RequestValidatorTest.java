package com.seedancebot.core.request;

import static com.seedancebot.core.request.MediaRole.FIRST_FRAME;
import static com.seedancebot.core.request.MediaRole.LAST_FRAME;
import static com.seedancebot.core.request.MediaRole.REFERENCE;
import static com.seedancebot.core.request.ModelFamily.ARK;
import static com.seedancebot.core.request.ModelFamily.GATEWAY;
import static com.seedancebot.core.request.ModelFamily.GLOBALAIOPC;
import static com.seedancebot.core.request.RequestFixtures.MIB;
import static com.seedancebot.core.request.RequestFixtures.asset;
import static com.seedancebot.core.request.RequestFixtures.audio;
import static com.seedancebot.core.request.RequestFixtures.image;
import static com.seedancebot.core.request.RequestFixtures.model;
import static com.seedancebot.core.request.RequestFixtures.render;
import static com.seedancebot.core.request.RequestFixtures.request;
import static com.seedancebot.core.request.RequestFixtures.times;
import static com.seedancebot.core.request.RequestFixtures.video;
import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.request.RequestFixtures.Req;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {

  private final RequestValidator validator = new RequestValidator();

  private List<String> problems(ModelSpec model, Req req, Locale locale) {
    return validator.validate(req.forModel(model), model).stream()
        .map(p -> render(p, locale))
        .toList();
  }

  private List<String> problems(ModelSpec model, Req req) {
    return problems(model, req, Locale.ENGLISH);
  }

  @Nested
  class ArkSeedance20 {
    private final ModelSpec v20 = model(ARK, "2.0");

    @Test
    void acceptsTextToVideoWithDefaultsAndEveryAllowedOption() {
      assertThat(problems(v20, request())).isEmpty();
      assertThat(
              problems(
                  v20,
                  request()
                      .duration(-1)
                      .ratio("21:9")
                      .resolution("1080p")
                      .audio(true)
                      .seed(4_294_967_295L)
                      .webSearch()))
          .isEmpty();
    }

    @Test
    void acceptsFullMultimodalReferences() {
      Req req =
          request()
              .with(times(9, image(REFERENCE)))
              .with(video(5), video(5), video(5))
              .with(audio(5), audio(5), audio(5));

      assertThat(problems(v20, req)).isEmpty();
    }

    @Test
    void explainsDurationOutsideTheRangeMentioningAuto() {
      assertThat(problems(v20, request().duration(20)))
          .containsExactly(
              "Duration must be between 4 and 15 seconds for Seedance 2.0 (or -1 to let the"
                  + " model choose); you asked for 20.");
      assertThat(problems(v20, request().duration(3)))
          .containsExactly(
              "Duration must be between 4 and 15 seconds for Seedance 2.0 (or -1 to let the"
                  + " model choose); you asked for 3.");
    }

    @Test
    void reportsEveryProblemAtOnce() {
      Req req = request().duration(20).ratio("5:4").resolution("4k").seed(-2);

      assertThat(problems(v20, req))
          .containsExactly(
              "Duration must be between 4 and 15 seconds for Seedance 2.0 (or -1 to let the"
                  + " model choose); you asked for 20.",
              "Seedance 2.0 cannot make 5:4 videos. Choose one of: 16:9, 9:16, 1:1, 4:3, 3:4,"
                  + " 21:9, adaptive.",
              "Seedance 2.0 does not offer 4k. Choose one of: 480p, 720p, 1080p.",
              "The seed must be a whole number from -1 to 4294967295; you gave -2.");
    }

    @Test
    void rejectsSeedAboveTwoToTheThirtyTwoMinusOne() {
      assertThat(problems(v20, request().seed(4_294_967_296L)))
          .containsExactly(
              "The seed must be a whole number from -1 to 4294967295; you gave 4294967296.");
      assertThat(problems(v20, request().seed(-1))).isEmpty();
    }

    @Test
    void limitsThePromptTo4000Characters() {
      assertThat(problems(v20, request().prompt("x".repeat(4000)))).isEmpty();
      assertThat(problems(v20, request().prompt("x".repeat(4001))))
          .containsExactly(
              "Your prompt is 4001 characters long; the limit is 4000. Please shorten it.");
    }

    @Test
    void needsAPromptForTextToVideoButNotWithAnImage() {
      assertThat(problems(v20, request().prompt("  ")))
          .containsExactly(
              "Please describe the video: Seedance 2.0 needs a text prompt when no image, video or"
                  + " audio is attached.");
      assertThat(problems(v20, request().prompt("").with(image(FIRST_FRAME)))).isEmpty();
    }

    @Test
    void acceptsFirstFrameAndFirstPlusLastFrame() {
      assertThat(problems(v20, request().with(image(FIRST_FRAME)))).isEmpty();
      assertThat(problems(v20, request().with(image(FIRST_FRAME), image(LAST_FRAME)))).isEmpty();
    }

    @Test
    void lastFrameNeedsAFirstFrame() {
      assertThat(problems(v20, request().with(image(LAST_FRAME))))
          .containsExactly(
              "A last frame needs a first frame too. Send two images: the first and the last"
                  + " frame.");
    }

    @Test
    void allowsOneFirstFrameAndOneLastFrame() {
      Req req =
          request()
              .with(image(FIRST_FRAME), image(FIRST_FRAME), image(LAST_FRAME), image(LAST_FRAME));

      assertThat(problems(v20, req))
          .containsExactly(
              "Only one first frame is allowed; you sent 2. To use several images as references,"
                  + " add --ref.",
              "Only one last frame is allowed; you sent 2.");
    }

    @Test
    void framesAndReferencesExcludeEachOther() {
      assertThat(problems(v20, request().with(image(FIRST_FRAME), video(5))))
          .containsExactly(
              "First/last frames and references cannot be mixed in one request. Either send"
                  + " images as frames only, or add --ref to use all your media as references.");
    }

    @Test
    void onlyImagesCanBeFrames() {
      MediaInput videoAsFrame =
          new MediaInput(FIRST_FRAME, MediaKind.VIDEO, new MediaSource.Stored("v"), null);

      assertThat(problems(v20, request().with(videoAsFrame)))
          .containsExactly("Only images can be used as a first or last frame.");
    }

    @Test
    void countsReferences() {
      Req req =
          request()
              .with(times(10, image(REFERENCE)))
              .with(times(4, video(3)))
              .with(times(4, audio(3)));

      assertThat(problems(v20, req))
          .containsExactly(
              "Seedance 2.0 takes at most 9 reference images; you sent 10.",
              "Seedance 2.0 takes at most 3 reference videos; you sent 4.",
              "Seedance 2.0 takes at most 3 audio clips; you sent 4.");
    }

    @Test
    void limitsTotalReferenceSeconds() {
      Req req = request().with(video(8), video(8.5)).with(audio(10), audio(6));

      assertThat(problems(v20, req))
          .containsExactly(
              "Your reference videos last 16.5 seconds together; the limit is 15 seconds. Trim or"
                  + " drop a clip.",
              "Your audio clips last 16 seconds together; the limit is 15 seconds. Trim or drop a"
                  + " clip.");
    }

    @Test
    void audioNeedsAnImageOrVideoBesideIt() {
      assertThat(problems(v20, request().with(audio(5))))
          .containsExactly(
              "Audio cannot be the only reference. Attach an image or a video with it.");
      assertThat(problems(v20, request().with(audio(5), image(REFERENCE)))).isEmpty();
    }

    @Test
    void webSearchOnlyWithTextAlone() {
      assertThat(problems(v20, request().webSearch().with(image(FIRST_FRAME))))
          .containsExactly(
              "Web search only works with a text prompt alone. Remove the attachments or turn web"
                  + " search off.");
    }

    @Test
    void acceptsApprovedAssets() {
      assertThat(problems(v20, request().with(asset(MediaKind.IMAGE, REFERENCE)))).isEmpty();
    }

    @Test
    void checksImageFiles() {
      Req req =
          request()
              .with(
                  image(REFERENCE, "image/heic", MIB, 1000, 1000),
                  image(REFERENCE, "image/jpeg", 30 * MIB, 1000, 1000),
                  image(REFERENCE, "image/png", MIB, 200, 299),
                  image(REFERENCE, "image/png", MIB, 3000, 1000),
                  image(REFERENCE, "image/webp", MIB, 6001, 3000),
                  image(REFERENCE, "image/gif", 30 * MIB - 1, 300, 750));

      assertThat(problems(v20, req))
          .containsExactly(
              "Image 1 is image/heic; please send JPEG, PNG, WebP, BMP, TIFF or GIF.",
              "Image 2 is 30 MB; images must be under 30 MB.",
              "Image 3 is 200×299 px; each side must be between 300 and 6000 px.",
              "Image 4 is 3000×1000 px; its width divided by its height must be between 0.4 and"
                  + " 2.5. Crop it closer to a usual shape.",
              "Image 5 is 6001×3000 px; each side must be between 300 and 6000 px.");
    }

    @Test
    void checksVideoFiles() {
      Req req =
          request()
              .with(
                  video("video/webm", MIB, 1280, 720, 3, 30),
                  video("video/quicktime", 50 * MIB, 1920, 1080, 1.5, 20));

      assertThat(problems(v20, req))
          .containsExactly(
              "Video 1 is video/webm; please send MP4 or MOV.",
              "Video 2 is 50 MB; videos must be under 50 MB.",
              "Video 2 lasts 1.5 seconds; each video must last 2 to 15 seconds.",
              "Video 2 is 1920×1080 px; reference videos must be 480p to 720p (shorter side"
                  + " 480–720 px).",
              "Video 2 plays at 20 frames per second; it must be 24 to 60.");
    }

    @Test
    void acceptsPortraitAnd480pVideosAndChecksTheirShape() {
      assertThat(problems(v20, request().with(video("video/mp4", MIB, 720, 1280, 4, 60))))
          .isEmpty();
      assertThat(problems(v20, request().with(video("video/mp4", MIB, 854, 480, 4, 24)))).isEmpty();
      assertThat(problems(v20, request().with(video("video/mp4", MIB, 640, 360, 4, 24))))
          .containsExactly(
              "Video 1 is 640×360 px; reference videos must be 480p to 720p (shorter side 480–720"
                  + " px).");
      assertThat(problems(v20, request().with(video("video/mp4", MIB, 1800, 700, 4, 24))))
          .containsExactly(
              "Video 1 is 1800×700 px; its width divided by its height must be between 0.4 and"
                  + " 2.5.");
    }

    @Test
    void checksEachClipLength() {
      assertThat(problems(v20, request().with(video(16))))
          .containsExactly(
              "Your reference videos last 16 seconds together; the limit is 15 seconds. Trim or"
                  + " drop a clip.",
              "Video 1 lasts 16 seconds; each video must last 2 to 15 seconds.");
    }

    @Test
    void checksAudioFiles() {
      Req req =
          request()
              .with(image(REFERENCE))
              .with(audio("audio/ogg", MIB, 3), audio("audio/wav", 15 * MIB, 1.25));

      assertThat(problems(v20, req))
          .containsExactly(
              "Audio 1 is audio/ogg; please send WAV or MP3.",
              "Audio 2 is 15 MB; audio files must be under 15 MB.",
              "Audio 2 lasts 1.25 seconds; each clip must last 2 to 15 seconds.");
    }

    @Test
    void skipsWhatInspectionCouldNotTell() {
      MediaInput unknownVideo =
          new MediaInput(
              REFERENCE, MediaKind.VIDEO, new MediaSource.Stored("v"), MediaInfo.unknown());

      assertThat(problems(v20, request().with(unknownVideo))).isEmpty();
    }

    @Test
    void speaksChinese() {
      assertThat(problems(v20, request().duration(20), Locale.CHINESE))
          .containsExactly("Seedance 2.0 的时长须在 4 到 15 秒之间（或填 -1 由模型决定）；你填写的是 20。");
      assertThat(
              problems(
                  v20,
                  request().with(image(REFERENCE, "image/png", MIB, 200, 299)),
                  Locale.forLanguageTag("zh-CN")))
          .containsExactly("第 1 张图片为 200×299 像素；每边须在 300 到 6000 像素之间。");
    }
  }

  @Nested
  class ArkOtherModels {

    @Test
    void twoPointZeroFastHasNo1080p() {
      assertThat(problems(model(ARK, "fast"), request().resolution("1080p")))
          .containsExactly("Seedance 2.0 Fast does not offer 1080p. Choose one of: 480p, 720p.");
    }

    @Test
    void onePointFiveTakesNoReferencesAndLastsAtMost12Seconds() {
      ModelSpec v15 = model(ARK, "1.5");
      Req req =
          request()
              .duration(13)
              .audio(true)
              .with(image(REFERENCE), video(5), audio(5), asset(MediaKind.IMAGE, REFERENCE));

      assertThat(problems(v15, req))
          .containsExactly(
              "Duration must be between 4 and 12 seconds for Seedance 1.5 Pro (or -1 to let the"
                  + " model choose); you asked for 13.",
              "Seedance 1.5 Pro does not take reference images. Leave out --ref to use the image as"
                  + " a first frame, or choose a model with references (see /models).",
              "Seedance 1.5 Pro does not take videos. Leave out the video, or choose a Seedance 2.0"
                  + " model (see /models).",
              "Seedance 1.5 Pro does not take audio. Leave out the audio, or choose a Seedance 2.0"
                  + " model (see /models).",
              "Seedance 1.5 Pro does not accept asset:// ids. Upload the file instead, or choose a"
                  + " model that takes approved assets (see /models).");
    }

    @Test
    void onlyTwoPointZeroSearchesTheWeb() {
      assertThat(problems(model(ARK, "1.5"), request().webSearch()))
          .containsExactly(
              "Web search is not available on Seedance 1.5 Pro. Turn web search off, or choose a"
                  + " Seedance 2.0 model (see /models).");
    }

    @Test
    void onePointZeroIsSilentAndHasNoAutoDuration() {
      ModelSpec pro = model(ARK, "pro");

      assertThat(problems(pro, request().duration(-1).audio(true)))
          .containsExactly(
              "Duration must be between 2 and 12 seconds for Seedance 1.0 Pro; you asked for -1.",
              "Seedance 1.0 Pro makes silent videos. Leave out --audio, or choose a model with sound"
                  + " (see /models).");
      assertThat(problems(pro, request().duration(2).audio(false).resolution("1080p"))).isEmpty();
      assertThat(problems(pro, request().with(image(FIRST_FRAME), image(LAST_FRAME)))).isEmpty();
    }

    @Test
    void onePointZeroProFastTakesOnlyAFirstFrame() {
      assertThat(
              problems(
                  model(ARK, "pro-fast"), request().with(image(FIRST_FRAME), image(LAST_FRAME))))
          .containsExactly(
              "Seedance 1.0 Pro Fast takes a first frame but no last frame. Send a single image, or"
                  + " choose a model with first and last frame (see /models).");
    }

    @Test
    void liteTextToVideoTakesNoImage() {
      assertThat(problems(model(ARK, "lite"), request().with(image(FIRST_FRAME))))
          .containsExactly(
              "Seedance 1.0 Lite T2V cannot start from an image. Send the prompt alone, or choose an"
                  + " image-to-video model (see /models).");
    }

    @Test
    void liteImageToVideoNeedsMediaAndTakesOneToFourReferenceImagesBelow1080p() {
      ModelSpec i2v = model(ARK, "lite-i2v");

      assertThat(problems(i2v, request()))
          .containsExactly(
              "Seedance 1.0 Lite I2V makes videos from images only. Attach an image to start from,"
                  + " or choose a text-to-video model (see /models).");
      assertThat(problems(i2v, request().with(times(4, image(REFERENCE))))).isEmpty();
      assertThat(problems(i2v, request().with(times(5, image(REFERENCE))).resolution("1080p")))
          .containsExactly(
              "Seedance 1.0 Lite I2V takes at most 4 reference images; you sent 5.",
              "Seedance 1.0 Lite I2V cannot use reference images at 1080p. Add --res with one of:"
                  + " 480p, 720p.");
      assertThat(problems(i2v, request().with(image(FIRST_FRAME)).resolution("1080p"))).isEmpty();
    }

    @Test
    void byteplusModelsFollowTheSameRules() {
      assertThat(problems(model(ARK, "bp-fast"), request().resolution("1080p")))
          .containsExactly(
              "Seedance 2.0 Fast (BytePlus) does not offer 1080p. Choose one of: 480p, 720p.");
    }
  }

  @Nested
  class DraftAndFlex {
    private final ModelSpec v15 = model(ARK, "1.5");

    @Test
    void draftAndFlexAreAcceptedWhereTheModelHasThem() {
      assertThat(problems(v15, request().draft().flex())).isEmpty();
      assertThat(problems(model(ARK, "pro"), request().flex())).isEmpty();
      assertThat(problems(v15, request().draft().resolution("480p"))).isEmpty();
    }

    @Test
    void draftAndFlexAreRefusedWithTheModelNamedWhereItHasThemNot() {
      assertThat(problems(model(ARK, "2.0"), request().draft().flex()))
          .containsExactly(
              "Seedance 2.0 has no draft mode. Leave out --draft, or choose a model with draft mode"
                  + " (see /models).",
              "Seedance 2.0 offers no offline inference. Leave out --flex, or choose a model that"
                  + " offers it (see /models).");
      assertThat(problems(model(ARK, "pro"), request().draft())).hasSize(1);
    }

    @Test
    void aDraftIsAlways480p() {
      assertThat(problems(v15, request().draft().resolution("1080p")))
          .containsExactly(
              "A draft is always rendered at 480p, so --res 1080p does not fit it. Leave out --res;"
                  + " the Final button renders the full resolution.");
      assertThat(request().draft().forModel(v15).withDefaults(v15.capabilities()).resolution())
          .isEqualTo("480p");
    }
  }

  @Nested
  class Gateway {
    private final ModelSpec v20 = model(GATEWAY, "2.0");

    @Test
    void acceptsTheDocumentedUseCases() {
      assertThat(problems(v20, request().resolution("1080p").audio(true).seed(42))).isEmpty();
      assertThat(problems(v20, request().with(video(5), audio(5)).duration(11))).isEmpty();
      assertThat(
              problems(
                  v20,
                  request()
                      .with(image(REFERENCE), image(REFERENCE), video(5), audio(5))
                      .audio(true)))
          .isEmpty();
    }

    @Test
    void hasNoAutoDuration() {
      assertThat(problems(v20, request().duration(-1)))
          .containsExactly(
              "Duration must be between 4 and 15 seconds for Seedance 2.0; you asked for -1.");
    }

    @Test
    void offers1080pOnlyOnTheStandardModels() {
      assertThat(problems(model(GATEWAY, "face"), request().resolution("1080p"))).isEmpty();
      assertThat(problems(model(GATEWAY, "fast"), request().resolution("1080p")))
          .containsExactly("Seedance 2.0 Fast does not offer 1080p. Choose one of: 480p, 720p.");
      assertThat(problems(model(GATEWAY, "fast-face"), request().resolution("1080p")))
          .containsExactly(
              "Seedance 2.0 Fast Face does not offer 1080p. Choose one of: 480p, 720p.");
    }

    @Test
    void acceptsAssetsOnlyOnTwoPointZeroAndFast() {
      Req req = request().with(asset(MediaKind.IMAGE, REFERENCE), video(5));

      assertThat(problems(v20, req)).isEmpty();
      assertThat(problems(model(GATEWAY, "fast"), req)).isEmpty();
      assertThat(problems(model(GATEWAY, "face"), req))
          .containsExactly(
              "Seedance 2.0 Face does not accept asset:// ids. Upload the file instead, or choose a"
                  + " model that takes approved assets (see /models).");
      assertThat(problems(model(GATEWAY, "fast-face"), req)).hasSize(1);
    }

    @Test
    void framesExcludeVideoAndAudio() {
      assertThat(problems(v20, request().with(image(FIRST_FRAME), image(LAST_FRAME), audio(4))))
          .containsExactly(
              "First/last frames and references cannot be mixed in one request. Either send"
                  + " images as frames only, or add --ref to use all your media as references.");
    }

    @Test
    void onePointZeroProHasNoAdaptiveRatioAndNoSound() {
      ModelSpec quality = model(GATEWAY, "pro");

      assertThat(
              problems(quality, request().ratio("adaptive").duration(13).audio(true).webSearch()))
          .containsExactly(
              "Duration must be between 2 and 12 seconds for Seedance 1.0 Pro Quality; you asked"
                  + " for 13.",
              "Seedance 1.0 Pro Quality cannot make adaptive videos. Choose one of: 16:9, 9:16,"
                  + " 1:1, 4:3, 3:4, 21:9.",
              "Seedance 1.0 Pro Quality makes silent videos. Leave out --audio, or choose a model"
                  + " with sound (see /models).",
              "Web search is not available on Seedance 1.0 Pro Quality. Turn web search off, or"
                  + " choose a Seedance 2.0 model (see /models).");
      assertThat(problems(model(GATEWAY, "pro-fast"), request().duration(2).resolution("1080p")))
          .isEmpty();
    }

    @Test
    void onePointZeroProTakesReferenceImagesOnlyBelowItsDefault1080p() {
      Req req = request().with(image(REFERENCE), image(REFERENCE));

      assertThat(problems(model(GATEWAY, "pro-fast"), req))
          .containsExactly(
              "Seedance 1.0 Pro Fast cannot use reference images at 1080p. Add --res with one of:"
                  + " 480p, 720p.");
      assertThat(problems(model(GATEWAY, "pro-fast"), req.resolution("720p"))).isEmpty();
    }
  }

  @Nested
  class GlobalAiOpc {
    private final ModelSpec plain = model(GLOBALAIOPC, "2.0");
    private final ModelSpec pro = model(GLOBALAIOPC, "pro");

    @Test
    void plainModelsNeedAReferenceVideo() {
      assertThat(problems(plain, request()))
          .containsExactly(
              "Seedance 2.0 only works from a reference video. Attach a video (2–15 s), or choose"
                  + " another model (see /models).");
      assertThat(problems(plain, request().with(video(5)))).isEmpty();
      assertThat(problems(model(GLOBALAIOPC, "fast"), request().with(image(FIRST_FRAME))))
          .containsExactly(
              "Seedance 2.0 Fast cannot start from an image. Send the prompt alone, or choose an"
                  + " image-to-video model (see /models).",
              "Seedance 2.0 Fast only works from a reference video. Attach a video (2–15 s), or"
                  + " choose another model (see /models).");
    }

    @Test
    void proModelsMakeVideosFromTextFramesOrReferences() {
      assertThat(problems(pro, request())).isEmpty();
      assertThat(problems(pro, request().with(image(FIRST_FRAME), image(LAST_FRAME)))).isEmpty();
      assertThat(
              problems(model(GLOBALAIOPC, "fast-pro"), request().with(image(REFERENCE), audio(3))))
          .isEmpty();
    }

    @Test
    void alwaysNeedsAPrompt() {
      assertThat(problems(pro, request().prompt("").with(image(FIRST_FRAME))))
          .containsExactly(
              "Seedance 2.0 Pro always needs a text prompt, even with attached media. Please add a"
                  + " short description of the video.");
    }

    @Test
    void hasNoResolutionSeedAutoDurationOrWebSearch() {
      Req req = request().resolution("1080p").seed(42).duration(-1).webSearch();

      assertThat(problems(pro, req))
          .containsExactly(
              "Duration must be between 4 and 15 seconds for Seedance 2.0 Pro; you asked for -1.",
              "Seedance 2.0 Pro always renders at its own resolution, so --res 1080p cannot be"
                  + " used. Leave out --res.",
              "Seedance 2.0 Pro does not take a seed. Leave out --seed.",
              "Web search is not available on Seedance 2.0 Pro. Turn web search off, or choose a"
                  + " Seedance 2.0 model (see /models).");
    }

    @Test
    void acceptsAssetsAndSound() {
      assertThat(problems(pro, request().audio(true).with(asset(MediaKind.IMAGE, FIRST_FRAME))))
          .isEmpty();
    }

    @Test
    void framesExcludeReferenceLists() {
      assertThat(problems(pro, request().with(image(FIRST_FRAME), image(REFERENCE))))
          .containsExactly(
              "First/last frames and references cannot be mixed in one request. Either send"
                  + " images as frames only, or add --ref to use all your media as references.");
    }

    @Test
    void speaksChinese() {
      assertThat(problems(plain, request(), Locale.CHINESE))
          .containsExactly("Seedance 2.0 只能基于参考视频生成。请附上一段视频（2–15 秒），或选择其他模型（见 /models）。");
    }
  }
}
