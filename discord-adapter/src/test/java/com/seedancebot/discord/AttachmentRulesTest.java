package com.seedancebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.request.MediaKind;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AttachmentRulesTest {

  private final AttachmentRules rules =
      new AttachmentRules(DiscordSettings.AttachmentLimits.providerDefaults());
  private final Messages messages = new Messages();

  @Test
  void a_file_of_the_right_kind_within_the_limit_passes() {
    assertThat(rules.check("image", MediaKind.IMAGE, "a.webp", "image/webp", 1000)).isEmpty();
    assertThat(
            rules.check("reference_video", MediaKind.VIDEO, "a.mov", "video/quicktime", 49L << 20))
        .isEmpty();
  }

  @Test
  void the_type_is_guessed_from_the_name_when_discord_gives_none() {
    assertThat(rules.check("reference_audio", MediaKind.AUDIO, "song.mp4", null, 10))
        .map(r -> r.render(messages, Locale.ENGLISH))
        .contains(
            "The reference_audio option takes audio, but song.mp4 is video/mp4. Attach a WAV or MP3 file.");
    assertThat(rules.check("image", MediaKind.IMAGE, "mystery", null, 10)).isEmpty();
  }

  @Test
  void a_file_over_the_kinds_limit_is_refused_with_sizes() {
    assertThat(rules.check("reference_audio", MediaKind.AUDIO, "long.wav", "audio/wav", 16L << 20))
        .map(r -> r.render(messages, Locale.CHINESE))
        .contains("文件 long.wav（reference_audio）大小为 16.0 MB，上限是 15.0 MB。请附上更小的文件。");
  }
}
