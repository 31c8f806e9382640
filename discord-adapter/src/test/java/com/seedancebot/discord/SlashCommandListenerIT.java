package com.seedancebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.ChatCommand;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.ChatRequest;
import com.seedancebot.core.chat.IncomingAttachment;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.ReplyTarget;
import com.seedancebot.core.chat.VideoOptions;
import com.seedancebot.core.request.MediaRole;
import com.seedancebot.discord.fake.FakeDiscord;
import com.seedancebot.discord.fake.FakeDiscord.CdnFile;
import com.seedancebot.discord.fake.FakeDiscord.SentInteraction;
import com.seedancebot.discord.fake.RecordedCall;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** Interactions from the fake Discord, through real JDA, into the core double. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlashCommandListenerIT {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 9, 8, 7};
  private static final byte[] MP4 = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
  private static final byte[] MP3 = {'I', 'D', '3', 4, 0, 0};

  private DiscordHarness h;

  @BeforeAll
  void start() throws Exception {
    h = new DiscordHarness();
  }

  @AfterAll
  void stop() throws Exception {
    h.close();
  }

  @Test
  void video_with_every_option_reaches_the_core_typed_and_is_deferred_publicly() throws Exception {
    // given files on Discord's CDN
    CdnFile first = h.fake.cdnFile("first.png", "image/png", PNG);
    CdnFile last = h.fake.cdnFile("last.jpg", "image/jpeg", JPEG);
    CdnFile ref = h.fake.cdnFile("style.png", "image/png", PNG);
    CdnFile clip = h.fake.cdnFile("motion.mp4", "video/mp4", MP4);
    CdnFile sound = h.fake.cdnFile("beat.mp3", "audio/mpeg", MP3);

    // when a Chinese-speaking user runs /video with every option
    SentInteraction sent =
        h.fake
            .slash("video")
            .by(FakeDiscord.OWNER)
            .locale("zh-CN")
            .string("prompt", "  a cat surfing  ")
            .attachment("image", first)
            .attachment("last_frame", last)
            .attachment("ref1", ref)
            .attachment("reference_video", clip)
            .attachment("reference_audio", sound)
            .integer("duration", 8)
            .string("ratio", "9:16")
            .string("resolution", "1080p")
            .string("model", "doubao-seedance-2-0-260128")
            .bool("audio", false)
            .integer("seed", 42)
            .send();
    ChatRequest request = h.inbox.awaitCommand();

    // then it was acknowledged in time, publicly, with a deferred reply
    RecordedCall ack = h.fake.awaitCall("the ack", c -> c.path().contains(sent.id() + "/"));
    assertThat(ack.json().get("type").asInt()).isEqualTo(5);
    assertThat(ack.json().path("data").path("flags").asInt(0) & 64).isZero();
    assertThat(h.fake.ackDelay(sent.id())).isLessThan(Duration.ofSeconds(3));

    // and the core got the typed request
    assertThat(request.messageId()).isEqualTo(sent.id());
    assertThat(request.command())
        .isEqualTo(
            new ChatCommand.Video(
                "a cat surfing",
                new VideoOptions(
                    8,
                    "9:16",
                    "1080p",
                    "doubao-seedance-2-0-260128",
                    false,
                    42L,
                    false,
                    false,
                    List.of(),
                    false,
                    false)));
    assertThat(request.user().platform()).isEqualTo(Platform.DISCORD);
    assertThat(request.user().userId()).isEqualTo(FakeDiscord.OWNER.id());
    assertThat(request.user().displayName()).isEqualTo("owner");
    assertThat(request.user().locale()).isEqualTo(Locale.CHINESE);
    assertThat(request.user().admin()).isFalse();
    assertThat(request.chat())
        .isEqualTo(
            new ChatRef(Platform.DISCORD, FakeDiscord.GENERAL_ID, null, FakeDiscord.GUILD_ID));

    // with the attachments in role order, their metadata, and the bytes the CDN served
    assertThat(request.attachments())
        .extracting(
            IncomingAttachment::fileName,
            IncomingAttachment::declaredMimeType,
            IncomingAttachment::roleHint)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("first.png", "image/png", MediaRole.FIRST_FRAME),
            org.assertj.core.groups.Tuple.tuple("last.jpg", "image/jpeg", MediaRole.LAST_FRAME),
            org.assertj.core.groups.Tuple.tuple("style.png", "image/png", MediaRole.REFERENCE),
            org.assertj.core.groups.Tuple.tuple("motion.mp4", "video/mp4", MediaRole.REFERENCE),
            org.assertj.core.groups.Tuple.tuple("beat.mp3", "audio/mpeg", MediaRole.REFERENCE));
    List<byte[]> bytes = new ArrayList<>();
    for (IncomingAttachment attachment : request.attachments()) {
      try (InputStream in = attachment.content().open()) {
        bytes.add(in.readAllBytes());
      }
    }
    assertThat(bytes).containsExactly(PNG, JPEG, PNG, MP4, MP3);
    assertThat(request.attachments().get(0).declaredSize()).isEqualTo(PNG.length);

    // the download carried no credentials, and the signed CDN URL is nowhere in the request
    RecordedCall download =
        h.fake.awaitCall("the download", c -> c.path().startsWith("/attachments/"));
    assertThat(download.headers().get("Authorization")).isNull();
    assertThat(request.toString()).doesNotContain("hm=").doesNotContain("/attachments/");

    // and the core ran off JDA's threads
    assertThat(h.inbox.callerThreads())
        .allSatisfy(t -> assertThat(t.getName()).startsWith("core-"));
  }

  @Test
  void in_a_thread_the_chat_is_the_parent_channel_and_the_thread_is_kept() throws Exception {
    h.fake
        .slash("video")
        .by(FakeDiscord.OWNER)
        .in(FakeDiscord.THREAD_ID)
        .string("prompt", "rain")
        .send();

    ChatRequest request = h.inbox.awaitCommand();

    assertThat(request.chat())
        .isEqualTo(
            new ChatRef(
                Platform.DISCORD,
                FakeDiscord.GENERAL_ID,
                FakeDiscord.THREAD_ID,
                FakeDiscord.GUILD_ID));
  }

  @Test
  void quota_is_deferred_ephemerally_and_admins_are_flagged() throws Exception {
    SentInteraction sent = h.fake.slash("quota").by(FakeDiscord.ADMIN).send();

    ChatRequest request = h.inbox.awaitCommand();

    RecordedCall ack = h.fake.awaitCall("the ack", c -> c.path().contains(sent.id() + "/"));
    assertThat(ack.json().get("type").asInt()).isEqualTo(5);
    assertThat(ack.json().path("data").path("flags").asInt()).isEqualTo(64);
    assertThat(request.command()).isEqualTo(new ChatCommand.Quota());
    assertThat(request.user().admin()).isTrue();
    assertThat(request.user().roles()).containsExactly(FakeDiscord.ADMIN_ROLE_ID);
    assertThat(request.user().locale()).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void cancel_and_settings_carry_their_options() throws Exception {
    h.fake.slash("cancel").by(FakeDiscord.OWNER).string("job", "job-123").send();
    assertThat(h.inbox.awaitCommand().command()).isEqualTo(new ChatCommand.Cancel("job-123"));

    h.fake
        .slash("settings")
        .by(FakeDiscord.ADMIN)
        .string("ratio", "1:1")
        .bool("audio", true)
        .send();
    ChatCommand settings = h.inbox.awaitCommand().command();
    assertThat(settings).isInstanceOf(ChatCommand.Settings.class);
    VideoOptions defaults = ((ChatCommand.Settings) settings).defaults();
    assertThat(defaults.ratio()).isEqualTo("1:1");
    assertThat(defaults.audio()).isTrue();
    assertThat(defaults.duration()).isNull();
  }

  @Test
  void admin_subcommands_carry_the_typed_user_id_and_numbers() throws Exception {
    h.fake
        .slash("admin")
        .by(FakeDiscord.ADMIN)
        .subcommand("block")
        .user("user", FakeDiscord.OWNER)
        .send();
    assertThat(h.inbox.awaitCommand().command())
        .isEqualTo(new ChatCommand.Admin("block", List.of(FakeDiscord.OWNER.id())));

    h.fake.slash("admin").by(FakeDiscord.ADMIN).subcommand("stats").integer("days", 30).send();
    assertThat(h.inbox.awaitCommand().command())
        .isEqualTo(new ChatCommand.Admin("stats", List.of("30")));

    h.fake
        .slash("admin")
        .by(FakeDiscord.ADMIN)
        .subcommand("quota")
        .string("set", "jobs=3  money=1.5")
        .string("scope", "server")
        .send();
    assertThat(h.inbox.awaitCommand().command())
        .isEqualTo(new ChatCommand.Admin("quota", List.of("server", "jobs=3", "money=1.5")));
  }

  @Test
  void a_wrong_file_type_is_refused_privately_in_the_users_language_and_nothing_is_submitted()
      throws Exception {
    CdnFile pdf = h.fake.cdnFile("report.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F'});

    SentInteraction sent =
        h.fake.slash("video").by(FakeDiscord.OWNER).locale("zh-TW").attachment("image", pdf).send();

    RecordedCall reply = h.fake.awaitCall("the refusal", c -> c.path().contains(sent.id() + "/"));
    assertThat(reply.json().get("type").asInt()).isEqualTo(4);
    assertThat(reply.json().path("data").path("flags").asInt()).isEqualTo(64);
    assertThat(reply.json().path("data").path("content").asString())
        .isEqualTo("选项 image 需要图片，但 report.pdf 的类型是 application/pdf。请附上 JPEG、PNG 或 WebP 图片。");
    assertThat(h.inbox.isEmpty()).isTrue();
    assertThat(h.fake.calls()).noneMatch(c -> c.path().contains("report.pdf"));
  }

  @Test
  void a_file_over_the_limit_is_refused_before_download() throws Exception {
    CdnFile huge = h.fake.cdnFile("huge.png", "image/png", PNG, 40L << 20);

    SentInteraction sent =
        h.fake.slash("video").by(FakeDiscord.OWNER).attachment("ref2", huge).send();

    RecordedCall reply = h.fake.awaitCall("the refusal", c -> c.path().contains(sent.id() + "/"));
    assertThat(reply.json().path("data").path("content").asString())
        .isEqualTo(
            "The file huge.png (ref2) is 40.0 MB; the limit is 30.0 MB. Attach a smaller file.");
    assertThat(reply.json().path("data").path("flags").asInt()).isEqualTo(64);
    assertThat(h.inbox.isEmpty()).isTrue();
    assertThat(h.fake.calls()).noneMatch(c -> c.path().contains("huge.png"));
  }

  @Test
  void video_where_the_bot_cannot_attach_files_is_refused_naming_the_permission() throws Exception {
    SentInteraction sent =
        h.fake
            .slash("video")
            .by(FakeDiscord.OWNER)
            .in(FakeDiscord.NO_FILES_ID)
            .string("prompt", "x")
            .send();

    RecordedCall reply = h.fake.awaitCall("the refusal", c -> c.path().contains(sent.id() + "/"));
    assertThat(reply.json().path("data").path("flags").asInt()).isEqualTo(64);
    assertThat(reply.json().path("data").path("content").asString())
        .isEqualTo(
            "I cannot post videos in this channel: I am missing the permissions Attach Files."
                + " Ask a server admin to grant them to the bot, or use me in another channel.");
    assertThat(h.inbox.isEmpty()).isTrue();
  }

  @Test
  void model_autocomplete_answers_from_the_catalogue() throws Exception {
    List<String> expected =
        com.seedancebot.core.request.ModelCatalog.standard().all().stream()
            .filter(
                m ->
                    (m.id() + " " + m.alias() + " " + m.label())
                        .toLowerCase(Locale.ROOT)
                        .contains("2-0-26"))
            .map(m -> m.id())
            .toList();

    SentInteraction sent =
        h.fake.autocomplete("video", "model", "2-0-26").by(FakeDiscord.OWNER).send();

    RecordedCall answer = h.fake.awaitCall("the choices", c -> c.path().contains(sent.id() + "/"));
    assertThat(answer.json().get("type").asInt()).isEqualTo(8);
    List<String> values = new ArrayList<>();
    for (JsonNode choice : answer.json().path("data").path("choices")) {
      values.add(choice.get("value").asString());
      assertThat(choice.get("name").asString()).isNotBlank();
    }
    assertThat(values).isEqualTo(expected).contains("doubao-seedance-2-0-260128");
  }

  @Test
  void animate_turns_the_first_image_of_a_message_into_a_first_frame() throws Exception {
    CdnFile notes = h.fake.cdnFile("notes.txt", "text/plain", new byte[] {'h', 'i'});
    CdnFile cat = h.fake.cdnFile("cat.png", "image/png", PNG);

    SentInteraction sent =
        h.fake
            .messageCommand(DiscordCommands.ANIMATE, FakeDiscord.GENERAL_ID, notes, cat)
            .by(FakeDiscord.OWNER)
            .send();
    ChatRequest request = h.inbox.awaitCommand();

    RecordedCall ack = h.fake.awaitCall("the ack", c -> c.path().contains(sent.id() + "/"));
    assertThat(ack.json().get("type").asInt()).isEqualTo(5);
    assertThat(request.command())
        .isEqualTo(
            new ChatCommand.Video(
                "Bring this picture to life with natural, gentle motion.", VideoOptions.none()));
    assertThat(request.attachments()).hasSize(1);
    assertThat(request.attachments().get(0).roleHint()).isEqualTo(MediaRole.FIRST_FRAME);
    try (InputStream in = request.attachments().get(0).content().open()) {
      assertThat(in.readAllBytes()).isEqualTo(PNG);
    }
  }

  @Test
  void animate_on_a_message_without_an_image_is_refused() throws Exception {
    CdnFile notes = h.fake.cdnFile("notes.txt", "text/plain", new byte[] {'h', 'i'});

    SentInteraction sent =
        h.fake
            .messageCommand(DiscordCommands.ANIMATE, FakeDiscord.GENERAL_ID, notes)
            .by(FakeDiscord.OWNER)
            .send();

    RecordedCall reply = h.fake.awaitCall("the refusal", c -> c.path().contains(sent.id() + "/"));
    assertThat(reply.json().path("data").path("flags").asInt()).isEqualTo(64);
    assertThat(reply.json().path("data").path("content").asString())
        .startsWith("That message has no image to animate.");
    assertThat(h.inbox.isEmpty()).isTrue();
  }

  @Test
  void story_splits_its_scenes_and_carries_the_options_for_every_scene() throws Exception {
    SentInteraction sent =
        h.fake
            .slash("story")
            .by(FakeDiscord.OWNER)
            .string("scenes", "a knight rides out | he reaches a castle |  | the gate opens")
            .integer("duration", 5)
            .send();
    ChatRequest request = h.inbox.awaitCommand();

    RecordedCall ack = h.fake.awaitCall("the ack", c -> c.path().contains(sent.id() + "/"));
    assertThat(ack.json().get("type").asInt()).isEqualTo(5);
    assertThat(ack.json().path("data").path("flags").asInt() & 64).isZero();
    ChatCommand.Story story = (ChatCommand.Story) request.command();
    assertThat(story.scenes())
        .containsExactly("a knight rides out", "he reaches a castle", "the gate opens");
    assertThat(story.options().duration()).isEqualTo(5);
  }

  @Test
  void extend_opens_a_form_whose_answer_extends_the_bots_video_of_that_job() throws Exception {
    SentInteraction press =
        h.fake.button("seedance:t:job-7", "1700000000000000001").by(FakeDiscord.OWNER).send();

    RecordedCall form = h.fake.awaitCall("the form", c -> c.path().contains(press.id() + "/"));
    assertThat(form.json().get("type").asInt()).isEqualTo(9);
    assertThat(form.json().path("data").path("custom_id").asString())
        .isEqualTo("seedance-clip:t:job-7");
    assertThat(form.json().path("data").path("title").asString()).isEqualTo("Extend this video");
    assertThat(h.inbox.isEmpty()).isTrue();

    SentInteraction answer =
        h.fake
            .modalSubmit("seedance-clip:t:job-7", "instruction", "the fox leaps over a river")
            .by(FakeDiscord.OWNER)
            .send();
    ChatRequest request = h.inbox.awaitCommand();

    assertThat(request.command())
        .isEqualTo(new ChatCommand.Video("the fox leaps over a river", VideoOptions.none(), true));
    assertThat(request.replyTo()).isEqualTo(ReplyTarget.video("job-7"));
    RecordedCall ack = h.fake.awaitCall("the ack", c -> c.path().contains(answer.id() + "/"));
    assertThat(ack.json().get("type").asInt()).isEqualTo(5);
  }

  @Test
  void buttons_reach_the_core_with_who_pressed_them() throws Exception {
    String messageId = "1700000000000000001";

    h.fake.button("seedance:r:job-7", messageId).by(FakeDiscord.OWNER).send();
    RecordingInbox.Press owner = h.inbox.awaitPress();
    h.fake.button("seedance:c:job-7", messageId).by(FakeDiscord.STRANGER).send();
    RecordingInbox.Press stranger = h.inbox.awaitPress();
    SentInteraction cancel =
        h.fake.button("seedance:x:job-7", messageId).by(FakeDiscord.ADMIN).send();
    RecordingInbox.Press admin = h.inbox.awaitPress();

    assertThat(owner.action()).isEqualTo(ButtonAction.REROLL);
    assertThat(owner.jobId()).isEqualTo("job-7");
    assertThat(owner.user().userId()).isEqualTo(FakeDiscord.OWNER.id());
    assertThat(owner.user().admin()).isFalse();
    assertThat(stranger.action()).isEqualTo(ButtonAction.CONTINUE);
    assertThat(stranger.user().userId()).isEqualTo(FakeDiscord.STRANGER.id());
    assertThat(stranger.user().admin()).isFalse();
    assertThat(admin.action()).isEqualTo(ButtonAction.CANCEL);
    assertThat(admin.user().userId()).isEqualTo(FakeDiscord.ADMIN.id());
    assertThat(admin.user().admin()).isTrue();
    // Cancel acknowledges without a new message (the status it sits on gets edited)
    RecordedCall ack = h.fake.awaitCall("the ack", c -> c.path().contains(cancel.id() + "/"));
    assertThat(ack.json().get("type").asInt()).isEqualTo(6);
  }
}
