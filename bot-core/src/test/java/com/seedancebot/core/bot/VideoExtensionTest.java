package com.seedancebot.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.request.Capabilities;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.MediaInput;
import com.seedancebot.core.request.MediaKind;
import com.seedancebot.core.request.MediaRole;
import com.seedancebot.core.request.MediaSource;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.request.ValidationProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed 003's extension recipe on Seedance 2.0's limits (4–15 s). */
class VideoExtensionTest {

  private final Capabilities caps =
      ModelCatalog.standard().all().stream()
          .filter(m -> m.id().equals("doubao-seedance-2-0-260128"))
          .findFirst()
          .orElseThrow()
          .capabilities();

  @Test
  void aDurationThatFitsIsKeptAndTheTextIsTheRecipes() {
    var outcome = VideoExtension.apply(request(5, clip(4.0)), caps, "Extend video 1 forward, x");

    assertThat(outcome.problems()).isEmpty();
    assertThat(outcome.notes()).isEmpty();
    assertThat(outcome.request().durationSeconds()).isEqualTo(5);
    assertThat(outcome.request().prompt()).isEqualTo("Extend video 1 forward, x");
    assertThat(outcome.request().media()).hasSize(1);
  }

  @Test
  void aDurationPastTheModelsLimitIsShortenedWithANote() {
    var outcome = VideoExtension.apply(request(15, clip(2.0)), caps, "go on");

    assertThat(outcome.request().durationSeconds()).isEqualTo(13);
    assertThat(outcome.notes())
        .containsExactly(ValidationProblem.of("extend.shortened", 15, 13, 2, 15));
  }

  @Test
  void autoDurationTakesTheRoomLeftSilently() {
    var outcome = VideoExtension.apply(request(-1, clip(6.4)), caps, "go on");

    assertThat(outcome.request().durationSeconds()).isEqualTo(8);
    assertThat(outcome.notes()).isEmpty();
  }

  @Test
  void aClipLeavingLessThanTheShortestVideoCannotBeExtended() {
    var outcome = VideoExtension.apply(request(5, clip(12.0)), caps, "go on");

    assertThat(outcome.problems())
        .containsExactly(ValidationProblem.of("extend.too_long", 12, 15, 4));
  }

  @Test
  void withoutAVideoThereIsNothingToExtend() {
    var outcome = VideoExtension.apply(request(5), caps, "go on");

    assertThat(outcome.problems()).containsExactly(ValidationProblem.of("extend.no_video"));
  }

  private static MediaInput clip(double seconds) {
    return new MediaInput(
        MediaRole.REFERENCE,
        MediaKind.VIDEO,
        new MediaSource.Stored("clip"),
        new MediaInfo("video/mp4", 1000, 864, 480, seconds, 24.0));
  }

  private static GenerationRequest request(int duration, MediaInput... media) {
    return new GenerationRequest(
        "doubao-seedance-2-0-260128",
        "how it goes on",
        duration,
        "16:9",
        "720p",
        true,
        null,
        false,
        false,
        false,
        List.of(media));
  }
}
