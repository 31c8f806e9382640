package com.seedancebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.delivery.ChatDeliveryException;
import com.seedancebot.core.delivery.JobStatus;
import com.seedancebot.core.delivery.VideoDelivery;
import com.seedancebot.core.job.JobState;
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import com.seedancebot.telegram.fake.RecordedCall;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat port through the real TelegramBots client to the fake Bot API server. */
class TelegramChatPortIT {
  private static final ChatRef TOPIC = new ChatRef(Platform.TELEGRAM, "-1001234567890", "77", null);
  private static final ChatRef PRIVATE = ChatRef.of(Platform.TELEGRAM, "4242");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private TelegramTestBot bot;
  private FakeTelegramBotApi fake;
  private TelegramChatPort port;

  @BeforeEach
  void start() throws IOException {
    bot = TelegramTestBot.outbound(clock, 50);
    fake = bot.fake;
    port = bot.chatPort();
  }

  @AfterEach
  void stop() throws IOException {
    bot.assertTokenNeverLeaked();
    bot.close();
  }

  @Test
  void deliverVideoUploadsExactlyTheMp4IntoTheTopicReplyingToTheRequest() throws Exception {
    byte[] mp4 = mp4Bytes(300_000);
    Path video = Files.write(dir.resolve("result.mp4"), mp4);
    Path frame = png(dir.resolve("last.png"), 864, 496);

    port.deliverVideo(delivery("job-7", TOPIC, "321", video, mp4.length, frame, true));

    RecordedCall call = fake.calls("sendVideo").get(0);
    assertThat(call.files().get("video")).isEqualTo(mp4);
    assertThat(call.field("video")).isEqualTo("attach://job-7.mp4");
    assertThat(call.fileNames().get("video")).isEqualTo("job-7.mp4");
    assertThat(call.field("chat_id")).isEqualTo("-1001234567890");
    assertThat(call.field("message_thread_id")).isEqualTo("77");
    assertThat(call.json("reply_parameters").get("message_id").asInt()).isEqualTo(321);
    assertThat(call.field("width")).isEqualTo("864");
    assertThat(call.field("height")).isEqualTo("496");
    assertThat(call.field("duration")).isEqualTo("5");
    assertThat(call.field("supports_streaming")).isEqualTo("true");
    assertThat(call.field("caption")).isEqualTo("a cat surfing · fast · 5s · seed 42 · job-7");
    BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(call.files().get("thumbnail")));
    assertThat(call.files().get("thumbnail")).startsWith((byte) 0xFF, (byte) 0xD8);
    assertThat(thumb.getWidth()).isEqualTo(320);
    assertThat(thumb.getHeight()).isLessThanOrEqualTo(320);
    assertThat(buttons(call.json("reply_markup")))
        .containsExactly(
            "🎲 Reroll=r:job-7", "▶ Continue=n:job-7", "✏ Edit=e:job-7", "⏩ Extend=x:job-7");
    assertThat(fake.calls("sendChatAction").get(0).field("action")).isEqualTo("upload_video");
  }

  @Test
  void videoWithoutLastFrameHasOnlyRerollLabelledInTheCaptionsLanguage() throws Exception {
    byte[] mp4 = mp4Bytes(1000);
    Path video = Files.write(dir.resolve("r.mp4"), mp4);
    VideoDelivery d =
        new VideoDelivery(
            "job-8",
            "4242",
            PRIVATE,
            null,
            video,
            mp4.length,
            640,
            360,
            4.2,
            null,
            URI.create("https://bot.example.org/a/v"),
            null,
            "一只猫 · 任务 job-8",
            false);

    port.deliverVideo(d);

    RecordedCall call = fake.calls("sendVideo").get(0);
    assertThat(call.files()).doesNotContainKey("thumbnail");
    assertThat(call.field("reply_parameters")).isNull();
    assertThat(call.field("message_thread_id")).isNull();
    assertThat(buttons(call.json("reply_markup")))
        .containsExactly("🎲 重新生成=r:job-8", "✏ 编辑=e:job-8", "⏩ 延展=x:job-8");
  }

  @Test
  void videoOverTheUploadLimitIsSentAsALink() throws Exception {
    Path video = Files.write(dir.resolve("big.mp4"), mp4Bytes(1000));
    long declared = 80L * 1024 * 1024;
    URI link = URI.create("https://bot.example.org/assets/v/abc?sig=xyz");
    VideoDelivery d =
        new VideoDelivery(
            "job-9",
            "4242",
            TOPIC,
            "55",
            video,
            declared,
            1920,
            1080,
            10,
            null,
            link,
            null,
            "caption text",
            true);

    port.deliverVideo(d);

    assertThat(fake.calls("sendVideo")).isEmpty();
    RecordedCall msg = fake.calls("sendMessage").get(0);
    assertThat(msg.field("text"))
        .startsWith("caption text")
        .contains("80.0 MB")
        .contains("50.0 MB")
        .contains(link.toString());
    assertThat(msg.field("message_thread_id")).isEqualTo("77");
    assertThat(msg.json("reply_parameters").get("message_id").asInt()).isEqualTo(55);
    assertThat(buttons(msg.json("reply_markup")))
        .containsExactly(
            "🎲 Reroll=r:job-9", "▶ Continue=n:job-9", "✏ Edit=e:job-9", "⏩ Extend=x:job-9");
  }

  @Test
  void anAdminsJobListCarriesACancelButtonPerJobInTheirLanguage() throws Exception {
    port.sendText(
        TOPIC, "321", "Queued and running jobs", List.of("job-1", "job-2"), Locale.CHINESE);

    RecordedCall sent = fake.calls("sendMessage").get(0);
    assertThat(sent.field("text")).isEqualTo("Queued and running jobs");
    assertThat(buttons(sent.json("reply_markup")))
        .containsExactly("✖ 取消 job-1=c:job-1", "✖ 取消 job-2=c:job-2");
    assertThat(sent.json("reply_markup").get("inline_keyboard")).hasSize(2);
  }

  @Test
  void statusIsSentThenEditedWithCancelAndThrottledEditsCoalesce() throws Exception {
    TelegramStatusMessages statuses = bot.adapter.statusMessages();
    String id = port.showStatus(status("job-1", TOPIC, null, JobState.QUEUED, true, "Queued #2"));

    RecordedCall created = fake.calls("sendMessage").get(0);
    assertThat(created.field("text")).isEqualTo("Queued #2");
    assertThat(created.field("message_thread_id")).isEqualTo("77");
    assertThat(created.json("reply_parameters").get("message_id").asInt()).isEqualTo(321);
    assertThat(buttons(created.json("reply_markup"))).containsExactly("✖ Cancel=c:job-1");

    // given two edits inside the per-message interval
    clock.advance(Duration.ofSeconds(1));
    assertThat(port.showStatus(status("job-1", TOPIC, id, JobState.QUEUED, true, "Queued #1")))
        .isEqualTo(id);
    clock.advance(Duration.ofSeconds(1));
    port.showStatus(status("job-1", TOPIC, id, JobState.RUNNING, true, "Generating…"));
    statuses.flushDue();
    assertThat(fake.calls("editMessageText")).isEmpty();

    // when the interval has passed, only the latest text is sent
    clock.advance(Duration.ofSeconds(1));
    statuses.flushDue();
    List<RecordedCall> edits = fake.calls("editMessageText");
    assertThat(edits).hasSize(1);
    assertThat(edits.get(0).field("text")).isEqualTo("Generating…");
    assertThat(edits.get(0).field("message_id")).isEqualTo(id);
    assertThat(buttons(edits.get(0).json("reply_markup"))).containsExactly("✖ Cancel=c:job-1");

    // and the final state always arrives, without the Cancel button
    port.showStatus(status("job-1", TOPIC, id, JobState.SUCCEEDED, false, "Done in 41 s"));
    statuses.flushDue();
    assertThat(fake.calls("editMessageText")).hasSize(1);
    clock.advance(Duration.ofSeconds(3));
    statuses.flushDue();
    edits = fake.calls("editMessageText");
    assertThat(edits).hasSize(2);
    assertThat(edits.get(1).field("text")).isEqualTo("Done in 41 s");
    assertThat(edits.get(1).field("reply_markup")).isNull();
    assertThat(statuses.pendingEdits()).isZero();
  }

  @Test
  void anEditToWhatTheMessageAlreadyShowsIsNeverSent() {
    String id = port.showStatus(status("job-2", PRIVATE, null, JobState.RUNNING, true, "x"));
    clock.advance(Duration.ofSeconds(5));
    port.showStatus(status("job-2", PRIVATE, id, JobState.RUNNING, true, "same"));
    clock.advance(Duration.ofSeconds(5));

    // the same status again, e.g. reported twice at once: once in place, once while throttled
    port.showStatus(status("job-2", PRIVATE, id, JobState.RUNNING, true, "same"));
    port.showStatus(status("job-2", PRIVATE, id, JobState.RUNNING, true, "same"));
    clock.advance(Duration.ofSeconds(5));
    bot.adapter.statusMessages().flushDue();

    assertThat(fake.calls("editMessageText"))
        .extracting(c -> c.field("text"))
        .as("no edit Telegram would refuse as \"message is not modified\"")
        .containsExactly("same");
    // what changes only the button is still an edit
    port.showStatus(status("job-2", PRIVATE, id, JobState.SUCCEEDED, false, "same"));
    assertThat(fake.calls("editMessageText")).hasSize(2);
  }

  @Test
  void aDeferredFailureWhoseMessageIsGoneIsToldInANewMessage() {
    String id = port.showStatus(status("job-4", PRIVATE, null, JobState.RUNNING, true, "Going"));
    // the failure comes within the message's edit interval: its edit waits
    port.showStatus(status("job-4", PRIVATE, id, JobState.FAILED, false, "Job job-4 failed"));
    assertThat(fake.calls("editMessageText")).isEmpty();
    fake.failNext("editMessageText", 400, "Bad Request: message to edit not found");

    clock.advance(Duration.ofSeconds(5));
    bot.adapter.statusMessages().flushDue();

    assertThat(fake.completedCalls("sendMessage"))
        .extracting(c -> c.call().field("text"))
        .containsExactly("Going", "Job job-4 failed");
  }

  @Test
  void messageNotModifiedFromTelegramIsNotAnError() {
    String id = port.showStatus(status("job-2", PRIVATE, null, JobState.RUNNING, false, "x"));
    clock.advance(Duration.ofSeconds(5));
    fake.failNext("editMessageText", 400, "Bad Request: message is not modified");

    port.showStatus(status("job-2", PRIVATE, id, JobState.RUNNING, false, "y"));

    assertThat(fake.calls("editMessageText")).hasSize(1);
    assertThat(bot.adapter.statusMessages().pendingEdits()).isZero();
  }

  @Test
  void groupEditsStayWithinTheirPerMinuteBudget() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      clock.advance(Duration.ofSeconds(3)); // within Telegram's sending budget for a group
      ids.add(port.showStatus(status("j" + i, TOPIC, null, JobState.QUEUED, true, "q" + i)));
    }
    // new messages count against the group's minute too; start with a fresh minute
    clock.advance(Duration.ofSeconds(61));

    for (int i = 0; i < 25; i++) {
      port.showStatus(status("j" + i, TOPIC, ids.get(i), JobState.RUNNING, true, "r" + i));
    }

    assertThat(fake.calls("editMessageText")).hasSize(20);
    clock.advance(Duration.ofSeconds(60));
    bot.adapter.statusMessages().flushDue();
    assertThat(fake.calls("editMessageText")).hasSize(25);
  }

  @Test
  void newMessagesBeyondAGroupsMinuteBudgetAreHandedBackWithTheWait() {
    for (int i = 0; i < 20; i++) {
      clock.advance(Duration.ofSeconds(1));
      port.sendText(TOPIC, null, "m" + i);
    }

    assertThatThrownBy(() -> port.sendText(TOPIC, null, "one too many"))
        .isInstanceOfSatisfying(
            ChatDeliveryException.class,
            e -> {
              assertThat(e.retryable()).isTrue();
              assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
            });
    assertThat(fake.calls("sendMessage")).hasSize(20);
    assertThat(port.sendText(PRIVATE, null, "another chat is not slowed")).isNotBlank();
  }

  @Test
  void rateLimitIsWaitedOutWithRetryAfter() {
    fake.failWith429("sendMessage", 1, 2);

    String id = port.sendText(PRIVATE, "12", "hello");

    assertThat(id).isNotBlank();
    assertThat(bot.sleeper.waits).containsExactly(Duration.ofSeconds(2));
    assertThat(fake.calls("sendMessage")).hasSize(2);
  }

  @Test
  void persistentRateLimitSurfacesAsRetryableWithTheWait() {
    fake.failWith429("sendMessage", 10, 2);

    assertThatThrownBy(() -> port.sendText(PRIVATE, null, "hello"))
        .isInstanceOfSatisfying(
            ChatDeliveryException.class,
            e -> {
              assertThat(e.retryable()).isTrue();
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
            });
    assertThat(fake.calls("sendMessage")).hasSize(3);
  }

  @Test
  void longRetryAfterIsHandedToTheCoreAtOnce() {
    fake.failWith429("sendVideo", 1, 120);

    assertThatThrownBy(
            () ->
                port.deliverVideo(
                    delivery(
                        "job-3",
                        PRIVATE,
                        null,
                        Files.write(dir.resolve("v.mp4"), mp4Bytes(10)),
                        10,
                        null,
                        false)))
        .isInstanceOfSatisfying(
            ChatDeliveryException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
    assertThat(bot.sleeper.waits).isEmpty();
  }

  @Test
  void refusalIsFinalAndNetworkFailureRetryableAndNeitherShowsTheToken() {
    fake.failNext("sendMessage", 403, "Forbidden: bot was blocked by the user");

    ChatDeliveryException refused = catchDelivery(() -> port.sendText(PRIVATE, null, "hi"));
    assertThat(refused.retryable()).isFalse();
    assertThat(refused.getMessage()).contains("403").contains("blocked");

    fake.close();
    ChatDeliveryException down = catchDelivery(() -> port.sendText(PRIVATE, null, "hi"));
    assertThat(down.retryable()).isTrue();

    for (ChatDeliveryException e : List.of(refused, down)) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString()).doesNotContain(FakeTelegramBotApi.TOKEN);
    }
  }

  private static ChatDeliveryException catchDelivery(Runnable action) {
    try {
      action.run();
    } catch (ChatDeliveryException e) {
      return e;
    }
    throw new AssertionError("expected a ChatDeliveryException");
  }

  private static JobStatus status(
      String job, ChatRef chat, String statusId, JobState state, boolean cancellable, String text) {
    return new JobStatus(job, "4242", chat, "321", statusId, state, null, cancellable, text);
  }

  private static VideoDelivery delivery(
      String job, ChatRef chat, String replyTo, Path video, long size, Path frame, boolean cont) {
    return new VideoDelivery(
        job,
        "4242",
        chat,
        replyTo,
        video,
        size,
        864,
        496,
        5.04,
        frame,
        URI.create("https://bot.example.org/v/" + job),
        null,
        "a cat surfing · fast · 5s · seed 42 · " + job,
        cont);
  }

  private static List<String> buttons(JsonNode markup) {
    List<String> out = new ArrayList<>();
    markup
        .get("inline_keyboard")
        .forEach(
            row ->
                row.forEach(
                    b -> out.add(b.get("text").asText() + "=" + b.get("callback_data").asText())));
    return out;
  }

  static byte[] mp4Bytes(int size) {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    byte[] header = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
    System.arraycopy(header, 0, b, 0, Math.min(header.length, size));
    return b;
  }

  private static Path png(Path path, int w, int h) throws IOException {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, w, h);
    g.dispose();
    ImageIO.write(image, "png", path.toFile());
    return path;
  }
}
