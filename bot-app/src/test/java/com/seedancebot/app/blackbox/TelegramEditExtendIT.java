package com.seedancebot.app.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.seedancebot.core.provider.fake.FakeArkServer;
import com.seedancebot.core.provider.fake.Progression;
import com.seedancebot.core.provider.fake.RecordedRequest;
import com.seedancebot.core.provider.fake.SampleMedia;
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Edit and Extend from Telegram through the packaged jar to Ark: a reply to one of the bot's
 * videos, or the answer to the question its Extend button asks, makes a job whose reference video
 * is the bot's own stored copy of that video (Ark fetches exactly its bytes; Telegram is never
 * asked for the file) and whose text is the instruction, or seed 003's extension sentence around
 * it. One bot for the class; each test talks in its own private chat and starts from a finished
 * video.
 */
class TelegramEditExtendIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String TASKS = "/contents/generations/tasks";

  /** Every result: a 2 s clip, so an extension may take at most 13 of the model's 15 s. */
  private static final int RESULT_SECONDS = 2;

  @TempDir static Path work;
  private static TelegramArkWorld world;
  private static FakeTelegramBotApi telegram;
  private static FakeArkServer ark;
  private static TelegramChats chats;
  private static byte[] result;

  @BeforeAll
  static void startBot() throws Exception {
    // as Ark's results, a size Seedance takes as reference video (480p)
    result = SampleMedia.mp4(640, 480, 24, RESULT_SECONDS);
    world = TelegramArkWorld.start(work, result, Progression.ON_POLL);
    telegram = world.telegram;
    ark = world.ark;
    chats = new TelegramChats(telegram);
  }

  @BeforeEach
  void forgetEarlierRequests() {
    ark.clearRecords();
  }

  @AfterAll
  static void stopAll() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  void aReplyToTheBotsVideoEditsItsStoredCopy() throws Exception {
    // given a video the bot posted
    long chat = 3001;
    ObjectNode video = finishedVideo(chat);

    // when the user replies to it with an instruction
    telegram.enqueue(
        telegram
            .updates()
            .message(chat, chat, "en")
            .text("/video make it snow")
            .replyTo(video)
            .update());

    // then Ark gets the bot's own copy as reference video, with the instruction as text
    JsonNode create = awaitCreate(2);
    assertThat(ArkRequests.item(create, "text").path("text").asString()).isEqualTo("make it snow");
    JsonNode reference = ArkRequests.item(create, "video_url");
    assertThat(reference.path("role").asString()).isEqualTo("reference_video");
    ArkRequests.assertFetched(
        ark, reference.path("video_url").path("url").asString(), result, WAIT);
    // and Telegram was never asked for the video's file
    assertThat(telegram.calls("getfile")).isEmpty();
    // and the edited video arrives
    awaitVideos(chat, 2);
  }

  @Test
  void theExtendButtonAsksHowItGoesOnAndTheAnswerExtendsTheVideo() throws Exception {
    // given a video the bot posted, with its Extend button
    long chat = 3002;
    ObjectNode video = finishedVideo(chat);
    String extend = button(video, "x:");

    // when the user presses Extend and answers the question by replying to it
    telegram.enqueue(
        telegram
            .updates()
            .buttonPress(chat, chat, "en", video.path("message_id").asInt(), null, extend));
    ObjectNode question =
        awaitSent(chat, m -> m.path("text").asText().startsWith("How does video"));
    // the question opens the user's reply box
    assertThat(telegram.calls("sendmessage"))
        .filteredOn(c -> c.field("text").startsWith("How does video"))
        .singleElement()
        .satisfies(c -> assertThat(c.field("reply_markup")).contains("\"force_reply\":true"));
    telegram.enqueue(
        telegram
            .updates()
            .message(chat, chat, "en")
            .text("the fox leaps over a frozen river")
            .replyTo(question)
            .update());

    // then Ark gets the video as reference and seed 003's extension sentence
    JsonNode create = awaitCreate(2);
    assertThat(ArkRequests.item(create, "text").path("text").asString())
        .isEqualTo("Extend video 1 forward, the fox leaps over a frozen river");
    JsonNode reference = ArkRequests.item(create, "video_url");
    assertThat(reference.path("role").asString()).isEqualTo("reference_video");
    ArkRequests.assertFetched(
        ark, reference.path("video_url").path("url").asString(), result, WAIT);
    assertThat(create.path("duration").asInt()).isEqualTo(5);
    awaitVideos(chat, 2);
  }

  @Test
  void anExtensionTooLongForTheModelIsShortenedAndTheUserIsTold() throws Exception {
    // given a 2 s video the bot posted
    long chat = 3003;
    ObjectNode video = finishedVideo(chat);

    // when the user asks for 15 more seconds, the model's whole limit
    telegram.enqueue(
        telegram
            .updates()
            .message(chat, chat, "en")
            .text("/video --extend --duration 15 the fox dives into the snow")
            .replyTo(video)
            .update());

    // then the extension is 13 s, so that the clip and its extension stay within 15 s
    JsonNode create = awaitCreate(2);
    assertThat(create.path("duration").asInt()).isEqualTo(13);
    assertThat(ArkRequests.item(create, "text").path("text").asString())
        .isEqualTo("Extend video 1 forward, the fox dives into the snow");
    assertThat(chats.texts(chat))
        .anyMatch(t -> t.contains("the extension is 13 s instead of 15 s"));
  }

  // ---- helpers

  /** Asks for a video in {@code chat} and returns the bot's video message once it is posted. */
  private static ObjectNode finishedVideo(long chat) throws InterruptedException {
    chats.say(chat, "/video a red fox runs through fresh snow");
    awaitVideos(chat, 1);
    return awaitSent(chat, m -> m.has("video"));
  }

  /** The callback data of the message's button whose data starts with {@code prefix}. */
  private static String button(ObjectNode message, String prefix) {
    for (var row : message.path("reply_markup").path("inline_keyboard")) {
      for (var b : row) {
        if (b.path("callback_data").asText().startsWith(prefix)) {
          return b.path("callback_data").asText();
        }
      }
    }
    throw new AssertionError("no " + prefix + " button on " + message);
  }

  private static void awaitVideos(long chat, int count) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (chats.videos(chat).size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(chats.describe(chat) + "\n" + world.bot.tail());
      }
      Thread.sleep(100);
    }
  }

  private static ObjectNode awaitSent(long chat, Predicate<ObjectNode> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<ObjectNode> found = telegram.sentMessages(chat).stream().filter(wanted).toList();
      if (!found.isEmpty()) {
        return found.get(found.size() - 1);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(chats.describe(chat) + "\n" + world.bot.tail());
      }
      Thread.sleep(100);
    }
  }

  /** The {@code n}-th create request of this test (the video it starts from is the 1st). */
  private static JsonNode awaitCreate(int n) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<RecordedRequest> creates =
          ark.requests("POST", TASKS).stream()
              .filter(r -> !r.json().path("content").isEmpty())
              .toList();
      if (creates.size() >= n) {
        return creates.get(n - 1).json();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "Ark got "
                + creates.size()
                + " creates\n"
                + telegram.calls()
                + "\n"
                + world.bot.tail());
      }
      Thread.sleep(100);
    }
  }
}
