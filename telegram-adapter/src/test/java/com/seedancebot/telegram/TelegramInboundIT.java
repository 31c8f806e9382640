package com.seedancebot.telegram;

import static com.seedancebot.telegram.TestFiles.bytes;
import static com.seedancebot.telegram.TestFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.IncomingAttachment;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import com.seedancebot.telegram.fake.RecordedCall;
import com.seedancebot.telegram.fake.Updates;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Updates arrive by real long polling (TelegramBots) from the fake and reach the inbox. */
class TelegramInboundIT {
  private static final long USER = 4242L;
  private static final long PRIVATE_CHAT = 4242L;
  private static final long GROUP = -1001234567890L;

  private TelegramTestBot bot;
  private FakeTelegramBotApi fake;
  private Updates updates;

  @BeforeEach
  void start() throws IOException {
    bot = TelegramTestBot.polling().connect();
    fake = bot.fake;
    updates = fake.updates();
  }

  @AfterEach
  void stop() throws IOException {
    bot.assertTokenNeverLeaked();
    bot.close();
  }

  @Test
  void startupLearnsTheUsernameRegistersMenusAndPollsWithoutWebhook() throws Exception {
    assertThat(bot.adapter.identity().username()).contains(FakeTelegramBotApi.BOT_USERNAME);
    assertThat(fake.calls("deleteWebhook")).isNotEmpty();
    List<RecordedCall> menus = fake.calls("setMyCommands");
    assertThat(menus).hasSize(4);
    assertThat(menus.get(0).field("language_code")).isNull();
    assertThat(menus.get(0).json("commands").toString())
        .contains("\"command\":\"video\"", "\"command\":\"story\"")
        .doesNotContain("\"command\":\"admin\"");
    assertThat(menus.get(1).field("language_code")).isEqualTo("zh");
    assertThat(menus.get(1).json("commands").toString()).contains("生成视频");
    assertThat(menus.get(2).json("scope").toString()).contains("all_chat_administrators");
    assertThat(menus.get(2).json("commands").toString())
        .contains("\"command\":\"video\"", "\"command\":\"admin\"");
    assertThat(menus.get(3).field("language_code")).isEqualTo("zh");
    assertThat(menus.get(3).json("commands").toString()).contains("管理");
    fake.awaitCalls("getUpdates", 1, Duration.ofSeconds(5));
  }

  @Test
  void videoCommandReachesTheInboxWithUserChatMessageAndText() throws Exception {
    var msg = updates.message(PRIVATE_CHAT, USER, "en").text("/video a cat surfing --ratio 9:16");
    fake.enqueue(msg.update());

    var call = bot.inbox.nextMessage();

    assertThat(call.text()).isEqualTo("/video a cat surfing --ratio 9:16");
    assertThat(call.messageId()).isEqualTo(Integer.toString(msg.messageId()));
    assertThat(call.user().platform()).isEqualTo(Platform.TELEGRAM);
    assertThat(call.user().userId()).isEqualTo("4242");
    assertThat(call.user().locale()).isEqualTo(Locale.ENGLISH);
    assertThat(call.user().admin()).isTrue();
    assertThat(call.chat().chatId()).isEqualTo("4242");
    assertThat(call.chat().threadId()).isNull();
    assertThat(call.attachments()).isEmpty();
  }

  @Test
  void chineseClientsGetChineseAndGroupMembersAreNotAdmins() throws Exception {
    fake.enqueue(updates.message(GROUP, USER, "zh-hans").text("/video 一只猫").update());

    var call = bot.inbox.nextMessage();

    assertThat(call.user().locale().getLanguage()).isEqualTo("zh");
    assertThat(call.user().admin()).isFalse();
    assertThat(fake.calls("getChatMember").get(0).field("user_id")).isEqualTo("4242");
  }

  @Test
  void groupAdministratorsAreAdmins() throws Exception {
    fake.setMemberStatus(GROUP, USER, "administrator");
    fake.enqueue(updates.message(GROUP, USER, "en").text("/video x").update());

    assertThat(bot.inbox.nextMessage().user().admin()).isTrue();
  }

  @Test
  void captionedPhotoBecomesOneAttachmentWithThePhotoBytes() throws Exception {
    byte[] photo = bytes(3000, 7);
    String fileId = fake.addFile(photo, "jpg");
    fake.enqueue(
        updates
            .message(PRIVATE_CHAT, USER, "en")
            .photo(fileId, photo.length)
            .caption("/video go")
            .update());

    var call = bot.inbox.nextMessage();

    assertThat(call.text()).isEqualTo("/video go");
    assertThat(call.attachments()).hasSize(1);
    IncomingAttachment a = call.attachments().get(0);
    assertThat(a.declaredMimeType()).isEqualTo("image/jpeg");
    assertThat(a.declaredSize()).isEqualTo(photo.length);
    assertThat(a.roleHint()).isNull();
    assertThat(read(a)).isEqualTo(photo);
    assertThat(fake.calls("getFile").get(0).field("file_id")).isEqualTo(fileId);
  }

  @Test
  void albumOfTwoArrivesAsOneCallWithBothParts() throws Exception {
    byte[] first = bytes(100, 1);
    byte[] last = bytes(120, 2);
    var a =
        updates
            .message(PRIVATE_CHAT, USER, "en")
            .album("g2")
            .photo(fake.addFile(first, "jpg"), 100);
    var b =
        updates
            .message(PRIVATE_CHAT, USER, "en")
            .album("g2")
            .photo(fake.addFile(last, "jpg"), 120)
            .caption("/video morph");
    fake.enqueue(a.update());
    fake.enqueue(b.update());

    var call = bot.inbox.nextMessage();

    assertThat(call.text()).isEqualTo("/video morph");
    assertThat(call.messageId()).isEqualTo(Integer.toString(b.messageId()));
    assertThat(call.attachments()).hasSize(2);
    assertThat(read(call.attachments().get(0))).isEqualTo(first);
    assertThat(read(call.attachments().get(1))).isEqualTo(last);
    bot.inbox.assertNoMessage(Duration.ofMillis(700));
  }

  @Test
  void albumOfThreeWithCaptionOnTheFirstPartArrivesOnce() throws Exception {
    var parts =
        List.of(
            updates
                .message(GROUP, USER, "en")
                .album("g3")
                .photo(fake.addFile(bytes(10, 1), "jpg"), 10)
                .caption("/video refs --ref"),
            updates
                .message(GROUP, USER, "en")
                .album("g3")
                .photo(fake.addFile(bytes(10, 2), "jpg"), 10),
            updates
                .message(GROUP, USER, "en")
                .album("g3")
                .video(fake.addFile(bytes(10, 3), "mp4"), 10));
    parts.forEach(p -> fake.enqueue(p.update()));

    var call = bot.inbox.nextMessage();

    assertThat(call.text()).isEqualTo("/video refs --ref");
    assertThat(call.messageId()).isEqualTo(Integer.toString(parts.get(0).messageId()));
    assertThat(call.attachments())
        .extracting(IncomingAttachment::declaredMimeType)
        .containsExactly("image/jpeg", "image/jpeg", "video/mp4");
    bot.inbox.assertNoMessage(Duration.ofMillis(700));
  }

  @Test
  void videoCommandReplyingToMediaUsesThatMedia() throws Exception {
    byte[] clip = bytes(500, 9);
    var original = updates.message(PRIVATE_CHAT, USER, "en").video(fake.addFile(clip, "mp4"), 500);
    var reply =
        updates.message(PRIVATE_CHAT, USER, "en").text("/video continue this").replyTo(original);
    fake.enqueue(reply.update());

    var call = bot.inbox.nextMessage();

    assertThat(call.messageId()).isEqualTo(Integer.toString(reply.messageId()));
    assertThat(call.attachments()).hasSize(1);
    assertThat(read(call.attachments().get(0))).isEqualTo(clip);
  }

  @Test
  void groupCommandsForThisBotPassThroughAndOtherBotsAreIgnored() throws Exception {
    fake.enqueue(updates.message(GROUP, USER, "en").text("/video@OtherBot not ours").update());
    fake.enqueue(updates.message(GROUP, USER, "en").text("/video@seedancetestbot ours").update());

    var call = bot.inbox.nextMessage();

    assertThat(call.text()).isEqualTo("/video@seedancetestbot ours");
    assertThat(call.chat().chatId()).isEqualTo(Long.toString(GROUP));
    bot.inbox.assertNoMessage(Duration.ofMillis(500));
  }

  @Test
  void forumTopicBecomesTheThreadAndRepliesGoIntoIt() throws Exception {
    var msg = updates.message(GROUP, USER, "en").topic(77).text("/video in a topic");
    fake.enqueue(msg.update());

    var call = bot.inbox.nextMessage();
    assertThat(call.chat().threadId()).isEqualTo("77");

    bot.chatPort().sendText(call.chat(), call.messageId(), "Queued");
    RecordedCall sent = fake.awaitCalls("sendMessage", 1, Duration.ofSeconds(5)).get(0);
    assertThat(sent.field("message_thread_id")).isEqualTo("77");
    assertThat(sent.json("reply_parameters").get("message_id").asInt()).isEqualTo(msg.messageId());
  }

  @Test
  void fileOverTheDownloadLimitGetsAClearReplyAndNeverReachesTheCore() throws Exception {
    long size = 25L * 1024 * 1024;
    String fileId = fake.addFile(null, size, "mp4");
    var msg = updates.message(PRIVATE_CHAT, USER, "zh").video(fileId, size).caption("/video 大文件");
    fake.enqueue(msg.update());

    RecordedCall reply = fake.awaitCalls("sendMessage", 1, Duration.ofSeconds(5)).get(0);

    assertThat(reply.field("text")).contains("25.0 MB").contains("20.0 MB").contains("文件");
    assertThat(reply.json("reply_parameters").get("message_id").asInt()).isEqualTo(msg.messageId());
    bot.inbox.assertNoMessage(Duration.ofMillis(300));
    assertThat(fake.calls("file")).isEmpty();
  }

  @Test
  void fileWithoutDeclaredSizeIsCheckedWithGetFile() throws Exception {
    String fileId = fake.addFile(null, 30L * 1024 * 1024, "ogg");
    var msg = updates.message(PRIVATE_CHAT, USER, "en").voice(fileId, 0).caption("/video speak");
    msg.update(); // built below without file_size
    var update = msg.update();
    update.with("message").with("voice").remove("file_size");
    fake.enqueue(update);

    RecordedCall reply = fake.awaitCalls("sendMessage", 1, Duration.ofSeconds(5)).get(0);

    assertThat(reply.field("text")).contains("voice.ogg").contains("at most 20.0 MB");
    bot.inbox.assertNoMessage(Duration.ofMillis(300));
  }

  @Test
  void plainChatterIsNotForwarded() throws Exception {
    fake.enqueue(updates.message(GROUP, USER, "en").text("nice video!").update());
    fake.enqueue(updates.message(GROUP, USER, "en").text("/help").update());

    assertThat(bot.inbox.nextMessage().text()).isEqualTo("/help");
  }

  @Test
  void buttonPressIsAnsweredAndReachesTheInbox() throws Exception {
    fake.enqueue(updates.buttonPress(GROUP, USER, "en", 9100, 77, "r:job-123"));

    var call = bot.inbox.nextButton();

    assertThat(call.action()).isEqualTo(ButtonAction.REROLL);
    assertThat(call.jobId()).isEqualTo("job-123");
    assertThat(call.messageId()).isEqualTo("9100");
    assertThat(call.chat().chatId()).isEqualTo(Long.toString(GROUP));
    assertThat(call.chat().threadId()).isEqualTo("77");
    assertThat(call.user().userId()).isEqualTo("4242");
    RecordedCall answer = fake.awaitCalls("answerCallbackQuery", 1, Duration.ofSeconds(5)).get(0);
    assertThat(answer.field("callback_query_id")).startsWith("cbq-");
  }
}
