package com.seedancebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.delivery.VideoDelivery;
import com.seedancebot.discord.fake.FakeDiscord;
import com.seedancebot.discord.fake.FakeDiscord.SentInteraction;
import com.seedancebot.discord.fake.RecordedCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code /video} interaction through real JDA into the real core pipeline (H2, the simulator
 * provider), and the simulator's MP4 back out through the Discord chat port to the fake.
 */
class DiscordEndToEndIT {

  @TempDir Path dir;

  @Test
  void a_video_command_ends_with_the_simulators_mp4_in_the_channel() throws Exception {
    SimulatorCore core = new SimulatorCore(dir);
    List<VideoDelivery> deliveries = core.deliveries;
    try (DiscordHarness h = new DiscordHarness(core::over)) {
      // when a user asks for a video in a thread
      SentInteraction sent =
          h.fake
              .slash("video")
              .by(FakeDiscord.OWNER)
              .in(FakeDiscord.THREAD_ID)
              .string("prompt", "a paper boat on a pond")
              .integer("duration", 4)
              .string("resolution", "480p")
              .send();

      // then the deferred reply becomes the job's status
      RecordedCall status =
          h.fake.awaitCall(
              "the status",
              c -> c.is("PATCH", "/api/v10/webhooks/") && c.path().contains("@original"));
      assertThat(status.content()).isNotBlank();
      assertThat(h.fake.ackDelay(sent.id())).isLessThan(Duration.ofSeconds(3));

      // and once the pipeline has run, the simulator's clip is posted in the thread
      core.runUntil(() -> upload(h).isPresent());
      RecordedCall upload = upload(h).orElse(null);
      assertThat(upload).as("the video upload").isNotNull();
      assertThat(deliveries).hasSize(1);
      byte[] mp4 = Files.readAllBytes(deliveries.get(0).video());
      RecordedCall.UploadedFile file = upload.files().values().iterator().next();
      assertThat(file.bytes()).isEqualTo(mp4);
      assertThat(new String(mp4, 4, 4, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("ftyp");
      assertThat(upload.content()).startsWith("<@" + FakeDiscord.OWNER.id() + ">");
      assertThat(upload.json().toString()).contains("seedance:r:");
    }
  }

  private static java.util.Optional<RecordedCall> upload(DiscordHarness h) {
    return h.fake.calls().stream()
        .filter(c -> c.is("POST", "/api/v10/channels/" + FakeDiscord.THREAD_ID + "/messages"))
        .filter(c -> !c.files().isEmpty())
        .findFirst();
  }
}
