package com.seedancebot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.delivery.ChatDeliveryException;
import com.seedancebot.core.delivery.JobStatus;
import com.seedancebot.core.delivery.VideoDelivery;
import com.seedancebot.core.job.JobState;
import com.seedancebot.discord.fake.FakeDiscord;
import com.seedancebot.discord.fake.FakeDiscord.SentInteraction;
import com.seedancebot.discord.fake.RecordedCall;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The core's answers, through the Discord chat port and real JDA, as the fake Discord sees them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordChatPortIT {

  private static final ChatRef GENERAL =
      new ChatRef(Platform.DISCORD, FakeDiscord.GENERAL_ID, null, FakeDiscord.GUILD_ID);
  private static final ChatRef THREAD =
      new ChatRef(
          Platform.DISCORD, FakeDiscord.GENERAL_ID, FakeDiscord.THREAD_ID, FakeDiscord.GUILD_ID);

  private DiscordHarness h;
  @TempDir Path dir;

  @BeforeAll
  void start() throws Exception {
    h = new DiscordHarness();
  }

  @AfterAll
  void stop() throws Exception {
    h.close();
  }

  private String videoInteraction(String channelId) throws InterruptedException {
    SentInteraction sent =
        h.fake.slash("video").by(FakeDiscord.OWNER).in(channelId).string("prompt", "a cat").send();
    return h.inbox.awaitCommand().messageId();
  }

  private static JobStatus status(
      String requestId, String statusId, String text, boolean cancellable) {
    return status("job-42", requestId, statusId, text, cancellable);
  }

  private static JobStatus status(
      String jobId, String requestId, String statusId, String text, boolean cancellable) {
    return new JobStatus(
        jobId,
        FakeDiscord.OWNER.id(),
        GENERAL,
        requestId,
        statusId,
        JobState.RUNNING,
        null,
        cancellable,
        text);
  }

  private static List<String> customIds(JsonNode payload) {
    List<String> ids = new ArrayList<>();
    for (JsonNode row : payload.path("components")) {
      for (JsonNode component : row.path("components")) {
        ids.add(component.path("custom_id").asString(component.path("url").asString()));
      }
    }
    return ids;
  }

  @Test
  void status_fills_the_deferred_reply_then_moves_to_a_channel_message_after_15_minutes()
      throws Exception {
    // given a /video interaction the core accepted
    String requestId = videoInteraction(FakeDiscord.GENERAL_ID);

    // when the core shows the first status
    String statusId = h.port.showStatus(status(requestId, null, "Queued (position 1)", true));

    // then the deferred reply holds it, with a Cancel button
    RecordedCall first =
        h.fake.awaitCall(
            "the original edit",
            c -> c.is("PATCH", "/api/v10/webhooks/") && "Queued (position 1)".equals(c.content()));
    assertThat(first.path()).contains("/messages/@original");
    assertThat(customIds(first.json())).containsExactly("seedance:x:job-42");
    assertThat(statusId).isEqualTo(h.fake.originalMessageId(requestId));

    // when it changes within the token's lifetime, the same message is edited
    assertThat(h.port.showStatus(status(requestId, statusId, "Running", true))).isEqualTo(statusId);
    h.fake.awaitCall(
        "the second edit",
        c -> c.is("PATCH", "/api/v10/webhooks/") && "Running".equals(c.content()));

    // when 15 minutes have passed, the status continues in a normal channel message
    h.clock.advance(Duration.ofMinutes(15));
    int before = h.fake.calls().size();
    String moved = h.port.showStatus(status(requestId, statusId, "Still running", true));
    RecordedCall post =
        h.fake.awaitCall(
            "the channel message",
            c ->
                c.is("POST", "/api/v10/channels/" + FakeDiscord.GENERAL_ID + "/messages")
                    && "Still running".equals(c.content()));
    assertThat(moved).isNotEqualTo(statusId);
    assertThat(customIds(post.json())).containsExactly("seedance:x:job-42");

    // and later edits go to that message, without a button once the job is done
    assertThat(h.port.showStatus(status(requestId, moved, "Done", false))).isEqualTo(moved);
    RecordedCall edit =
        h.fake.awaitCall(
            "the channel edit",
            c ->
                c.is(
                    "PATCH", "/api/v10/channels/" + FakeDiscord.GENERAL_ID + "/messages/" + moved));
    assertThat(edit.content()).isEqualTo("Done");
    assertThat(customIds(edit.json())).isEmpty();
    assertThat(h.fake.calls().subList(before, h.fake.calls().size()))
        .noneMatch(c -> c.path().startsWith("/api/v10/webhooks/"));
  }

  @Test
  void a_status_that_already_shows_the_text_is_not_edited_again() throws Exception {
    // given a job whose status message shows "Running"
    String requestId = videoInteraction(FakeDiscord.GENERAL_ID);
    String statusId = h.port.showStatus(status("job-7", requestId, null, "Running", true));
    h.fake.awaitCall("the status", c -> c.is("PATCH", "/api/v10/webhooks/"));
    int before = h.fake.calls().size();

    // when the core shows the same status again, then a changed one
    assertThat(h.port.showStatus(status("job-7", requestId, statusId, "Running", true)))
        .isEqualTo(statusId);
    h.port.showStatus(status("job-7", requestId, statusId, "Running (0:10)", true));

    // then only the change reached Discord
    h.fake.awaitCall(
        "the change",
        c -> c.is("PATCH", "/api/v10/webhooks/") && "Running (0:10)".equals(c.content()));
    assertThat(h.fake.calls().subList(before, h.fake.calls().size()))
        .filteredOn(c -> !c.method().equals("GET"))
        .singleElement()
        .satisfies(c -> assertThat(c.content()).isEqualTo("Running (0:10)"));
  }

  @Test
  void a_job_asked_twice_for_its_first_status_keeps_one_status_message() throws Exception {
    // given a job whose first status was shown
    String requestId = videoInteraction(FakeDiscord.GENERAL_ID);
    String first = h.port.showStatus(status("job-8", requestId, null, "Queued", true));
    int before = h.fake.calls().size();

    // when the core, not knowing that message yet, shows a first status again
    String second = h.port.showStatus(status("job-8", requestId, null, "Running", true));

    // then the same message was edited: no follow-up, no channel message
    assertThat(second).isEqualTo(first);
    List<RecordedCall> calls = h.fake.calls().subList(before, h.fake.calls().size());
    assertThat(calls).noneMatch(c -> c.method().equals("POST"));
    assertThat(calls)
        .anySatisfy(
            c -> {
              assertThat(c.is("PATCH", "/api/v10/webhooks/")).isTrue();
              assertThat(c.content()).isEqualTo("Running");
            });
  }

  @Test
  void a_text_answer_to_a_video_request_is_private() throws Exception {
    String requestId = videoInteraction(FakeDiscord.GENERAL_ID);

    String id = h.port.sendText(GENERAL, requestId, "Your daily quota is used up.");

    h.fake.awaitCall(
        "the placeholder removal",
        c -> c.is("DELETE", "/api/v10/webhooks/") && c.path().contains("/messages/@original"));
    RecordedCall followUp =
        h.fake.awaitCall(
            "the follow-up",
            c ->
                c.is("POST", "/api/v10/webhooks/")
                    && "Your daily quota is used up.".equals(c.content()));
    assertThat(followUp.json().path("flags").asInt()).isEqualTo(64);
    assertThat(id).isNotBlank();
  }

  @Test
  void every_rest_call_is_reported_by_its_route_without_ids_or_tokens() throws Exception {
    String requestId = videoInteraction(FakeDiscord.GENERAL_ID);
    h.port.sendText(GENERAL, requestId, "Your daily quota is used up.");
    h.port.sendText(THREAD, "1234", "The provider is back.");
    h.fake.awaitCall(
        "the channel message",
        c -> c.is("POST", "/api/v10/channels/" + FakeDiscord.THREAD_ID + "/messages"));

    assertThat(h.restCalls)
        .contains(
            "POST /interactions/{id}/{token}/callback OK",
            "POST /webhooks/{id}/{token} OK",
            "POST /channels/{id}/messages OK")
        .noneMatch(call -> call.matches(".*\\d{5,}.*") || call.contains(FakeDiscord.TOKEN));
  }

  @Test
  void a_text_without_a_live_interaction_goes_to_the_channel() throws Exception {
    String id = h.port.sendText(THREAD, "1234", "The provider is back.");

    RecordedCall post =
        h.fake.awaitCall(
            "the message",
            c ->
                c.is("POST", "/api/v10/channels/" + FakeDiscord.THREAD_ID + "/messages")
                    && "The provider is back.".equals(c.content()));
    assertThat(post.json().path("allowed_mentions").path("parse").size()).isZero();
    assertThat(id).isNotBlank();
  }

  @Test
  void an_admins_job_list_carries_a_cancel_button_per_job_five_to_a_row() throws Exception {
    List<String> jobs = List.of("j1", "j2", "j3", "j4", "j5", "j6");

    h.port.sendText(THREAD, "1234", "Queued and running jobs", jobs, java.util.Locale.ENGLISH);

    RecordedCall post =
        h.fake.awaitCall(
            "the job list",
            c ->
                c.is("POST", "/api/v10/channels/" + FakeDiscord.THREAD_ID + "/messages")
                    && "Queued and running jobs".equals(c.content()));
    assertThat(customIds(post.json()))
        .containsExactly(
            "seedance:x:j1",
            "seedance:x:j2",
            "seedance:x:j3",
            "seedance:x:j4",
            "seedance:x:j5",
            "seedance:x:j6");
    assertThat(post.json().path("components").size()).isEqualTo(2);
    assertThat(
            post.json()
                .path("components")
                .get(0)
                .path("components")
                .get(0)
                .path("label")
                .asString())
        .isEqualTo("Cancel j1");
  }

  @Test
  void a_video_that_fits_is_uploaded_into_the_thread_with_mention_buttons_and_card()
      throws Exception {
    byte[] mp4 = "fake mp4 bytes \u0000\u0001".getBytes(StandardCharsets.ISO_8859_1);
    Path video = Files.write(dir.resolve("v.mp4"), mp4);
    String requestId = videoInteraction(FakeDiscord.THREAD_ID);
    int before = h.fake.calls().size();

    h.port.deliverVideo(delivery(THREAD, requestId, video, mp4.length, null, true));

    RecordedCall post =
        h.fake.awaitCall(
            "the upload",
            c ->
                c.is("POST", "/api/v10/channels/" + FakeDiscord.THREAD_ID + "/messages")
                    && !c.files().isEmpty());
    assertThat(post.files()).hasSize(1);
    RecordedCall.UploadedFile file = post.files().values().iterator().next();
    assertThat(file.fileName()).isEqualTo("seedance-job-42.mp4");
    assertThat(file.bytes()).isEqualTo(mp4);
    assertThat(post.content())
        .isEqualTo("<@" + FakeDiscord.OWNER.id() + ">\nSeedance 2.0 · 5 s · seed 7 · job job-42");
    assertThat(post.json().path("allowed_mentions").path("users").get(0).asString())
        .isEqualTo(FakeDiscord.OWNER.id());
    assertThat(customIds(post.json()))
        .containsExactly(
            "seedance:r:job-42", "seedance:c:job-42", "seedance:e:job-42", "seedance:t:job-42");
    assertThat(h.fake.calls().subList(before, h.fake.calls().size()))
        .noneMatch(c -> c.path().startsWith("/api/v10/webhooks/"));
  }

  @Test
  void a_video_too_big_for_the_guild_is_linked_with_its_last_frame() throws Exception {
    Path video = Files.write(dir.resolve("big.mp4"), new byte[] {1, 2, 3});
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
    Path lastFrame = Files.write(dir.resolve("last.png"), png);
    VideoDelivery big = delivery(GENERAL, null, video, 12L << 20, lastFrame, false);

    h.port.deliverVideo(big);

    RecordedCall post =
        h.fake.awaitCall(
            "the link post",
            c ->
                c.is("POST", "/api/v10/channels/" + FakeDiscord.GENERAL_ID + "/messages")
                    && c.json() != null
                    && c.json().path("embeds").size() == 1);
    JsonNode embed = post.json().path("embeds").get(0);
    assertThat(embed.path("url").asString()).isEqualTo("https://bot.example/v/job-42.mp4?sig=abc");
    assertThat(embed.path("description").asString())
        .isEqualTo("Seedance 2.0 · 5 s · seed 7 · job job-42");
    assertThat(embed.path("image").path("url").asString()).isEqualTo("attachment://last-frame.png");
    assertThat(post.files().values())
        .singleElement()
        .satisfies(f -> assertThat(f.bytes()).isEqualTo(png));
    assertThat(post.content())
        .isEqualTo(
            "<@"
                + FakeDiscord.OWNER.id()
                + "> the video (12.0 MB) is larger than this channel"
                + " allows for uploads (10.0 MB), so here is a link.");
    assertThat(customIds(post.json()))
        .containsExactly(
            "https://bot.example/v/job-42.mp4?sig=abc",
            "seedance:r:job-42",
            "seedance:e:job-42",
            "seedance:t:job-42");
  }

  @Test
  void missing_permissions_fail_finally_and_the_requester_is_told_privately() throws Exception {
    Path video = Files.write(dir.resolve("p.mp4"), new byte[] {1, 2, 3});
    String requestId = videoInteraction(FakeDiscord.GENERAL_ID);
    h.fake.forbidPosting(FakeDiscord.GENERAL_ID);
    try {
      assertThatThrownBy(
              () -> h.port.deliverVideo(delivery(GENERAL, requestId, video, 3, null, true)))
          .isInstanceOfSatisfying(
              ChatDeliveryException.class,
              e -> {
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).contains("lacks the permissions to post here");
              });
      RecordedCall notice =
          h.fake.awaitCall(
              "the private notice",
              c ->
                  c.is("POST", "/api/v10/webhooks/")
                      && c.content() != null
                      && c.content().startsWith("Your video is ready"));
      assertThat(notice.json().path("flags").asInt()).isEqualTo(64);
      assertThat(notice.content()).contains("Send Messages");
    } finally {
      h.fake.allowPosting(FakeDiscord.GENERAL_ID);
    }
  }

  @Test
  void the_bot_token_appears_only_in_authorization_headers_and_the_identify_frame()
      throws Exception {
    h.port.sendText(GENERAL, null, "hello");

    for (RecordedCall call : h.fake.calls()) {
      assertThat(call.path()).doesNotContain(FakeDiscord.TOKEN);
      assertThat(call.bodyText()).doesNotContain(FakeDiscord.TOKEN);
      call.headers()
          .forEach(
              header -> {
                if (header.getFirst().equalsIgnoreCase("Authorization")) {
                  assertThat(header.getSecond()).isEqualTo("Bot " + FakeDiscord.TOKEN);
                } else {
                  assertThat(header.getSecond()).doesNotContain(FakeDiscord.TOKEN);
                }
              });
    }
    assertThat(h.fake.calls()).anyMatch(c -> c.headers().get("Authorization") != null);
    for (JsonNode frame : h.fake.gatewayFrames()) {
      if (frame.path("op").asInt() == 2) {
        assertThat(frame.path("d").path("token").asString()).isEqualTo(FakeDiscord.TOKEN);
      } else {
        assertThat(frame.toString()).doesNotContain(FakeDiscord.TOKEN);
      }
    }
  }

  private static VideoDelivery delivery(
      ChatRef chat, String requestId, Path video, long size, Path lastFrame, boolean canContinue) {
    return new VideoDelivery(
        "job-42",
        FakeDiscord.OWNER.id(),
        chat,
        requestId,
        video,
        size,
        1280,
        720,
        5.0,
        lastFrame,
        URI.create("https://bot.example/v/job-42.mp4?sig=abc"),
        null,
        "Seedance 2.0 · 5 s · seed 7 · job job-42",
        canContinue);
  }
}
