package com.seedancebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.delivery.VideoDelivery;
import com.seedancebot.discord.fake.FakeDiscord;
import com.seedancebot.discord.fake.FakeDiscord.SentInteraction;
import com.seedancebot.discord.fake.RecordedCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code send_last_frame}, {@code /history}, {@code /show} and its autocomplete through real JDA,
 * the real core (H2, simulator) and the fake Discord: what the owner and a stranger in the same
 * channel see.
 */
class DiscordJobCardsIT {

  private static final String CHANNEL = "/api/v10/channels/" + FakeDiscord.GENERAL_ID + "/messages";

  @TempDir Path dir;

  @Test
  void the_owner_gets_the_last_frame_the_history_and_the_card_and_a_stranger_gets_none()
      throws Exception {
    SimulatorCore core = new SimulatorCore(dir);
    try (DiscordHarness h = new DiscordHarness(core::over)) {
      // given a video made with send_last_frame
      h.fake
          .slash("video")
          .by(FakeDiscord.OWNER)
          .in(FakeDiscord.GENERAL_ID)
          .string("prompt", "a red kite over the dunes")
          .integer("duration", 4)
          .string("resolution", "480p")
          .bool("send_last_frame", true)
          .send();
      assertThat(core.runUntil(() -> uploads(h).size() == 1)).as("the video is posted").isTrue();
      VideoDelivery video = core.deliveries.get(0);
      String job = video.jobId();

      // then the post carries the MP4 and the last frame as a second attachment
      RecordedCall post = uploads(h).get(0);
      assertThat(post.files().values())
          .extracting(RecordedCall.UploadedFile::fileName)
          .containsExactlyInAnyOrder("seedance-" + job + ".mp4", "last-frame.png");
      assertThat(file(post, "last-frame.png")).isEqualTo(Files.readAllBytes(video.lastFrame()));

      // when the owner asks for the history: the job, with a Show button
      RecordedCall history = answer(h, h.fake.slash("history").by(FakeDiscord.OWNER).send());
      assertThat(history.content()).contains(job).contains("a red kite over the dunes");
      assertThat(history.json().toString()).contains("seedance:s:" + job);

      // and a stranger in the same channel sees neither the history nor the card
      assertThat(answer(h, h.fake.slash("history").by(FakeDiscord.STRANGER).send()).content())
          .contains("no finished videos");
      assertThat(
              answer(h, h.fake.slash("show").by(FakeDiscord.STRANGER).string("job", job).send())
                  .content())
          .contains("I can not show job " + job);
      assertThat(choices(h, FakeDiscord.STRANGER)).isEmpty();

      // while the owner's autocomplete offers the job, and /show gives the card and the video again
      assertThat(choices(h, FakeDiscord.OWNER)).containsExactly(job);
      RecordedCall card =
          answer(h, h.fake.slash("show").by(FakeDiscord.OWNER).string("job", job).send());
      assertThat(card.content())
          .contains("Job " + job + " \u2014 done")
          .contains("Prompt: a red kite over the dunes")
          .contains("--last-frame")
          .contains("Asked by owner");
      assertThat(core.runUntil(() -> uploads(h).size() == 2)).as("the video again").isTrue();
      assertThat(file(uploads(h).get(1), "seedance-" + job + ".mp4"))
          .isEqualTo(file(post, "seedance-" + job + ".mp4"));
    }
  }

  private static List<RecordedCall> uploads(DiscordHarness h) {
    return h.fake.calls().stream()
        .filter(c -> c.is("POST", CHANNEL))
        .filter(c -> !c.files().isEmpty())
        .toList();
  }

  private static byte[] file(RecordedCall call, String name) {
    return call.files().values().stream()
        .filter(f -> f.fileName().equals(name))
        .findFirst()
        .orElseThrow()
        .bytes();
  }

  /** The text that answered the interaction (its deferred reply, filled in). */
  private static RecordedCall answer(DiscordHarness h, SentInteraction sent) throws Exception {
    return h.fake.awaitCall(
        "the answer to " + sent.id(),
        c ->
            c.path().startsWith("/api/v10/webhooks/")
                && c.path().contains(sent.token())
                && c.content() != null
                && !c.content().isBlank());
  }

  private static List<String> choices(DiscordHarness h, FakeDiscord.Actor who) throws Exception {
    SentInteraction sent = h.fake.autocomplete("show", "job", "").by(who).send();
    RecordedCall answer = h.fake.awaitCall("the choices", c -> c.path().contains(sent.id() + "/"));
    List<String> values = new ArrayList<>();
    for (JsonNode choice : answer.json().path("data").path("choices")) {
      values.add(choice.get("value").asString());
    }
    return values;
  }
}
