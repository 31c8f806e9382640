package com.seedancebot.app.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.provider.fake.FakeArkServer;
import com.seedancebot.core.provider.fake.Progression;
import com.seedancebot.core.provider.fake.RecordedRequest;
import com.seedancebot.core.provider.fake.SampleMedia;
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import tools.jackson.databind.JsonNode;

/**
 * Edit, Extend and storyboards from Telegram through the packaged jar to Ark. A reply to one of the
 * bot's videos, or the answer to the question its Extend button asks, makes a job whose reference
 * video is the bot's own stored copy of that video (Ark fetches exactly its bytes; Telegram is
 * never asked for the file) and whose text is the instruction, or seed 003's extension sentence
 * around it. {@code /story} makes its scenes one after the other, each later one starting from the
 * last frame Ark returned for the one before, and the chat gets one MP4 whose parsed length is the
 * sum of the scenes; Cancel during a scene (its button, or {@code /cancel} with the job the status
 * named first) ends the storyboard with what was made and gives back the quota of the scenes never
 * started, all of which {@code /quota} counted while they were to come. One bot for the class; each
 * test talks in its own private chat.
 */
class TelegramCreativeIT {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String TASKS = "/contents/generations/tasks";
  private static final Pattern JOB = Pattern.compile("Job ([a-z0-9]{6})");

  /**
   * Every result Ark makes: a 2 s clip of a size Seedance takes as reference video (480p), so an
   * extension may take at most 13 of the model's 15 s.
   */
  private static final int RESULT_SECONDS = 2;

  @TempDir static Path work;
  private static TelegramArkWorld world;
  private static FakeTelegramBotApi telegram;
  private static FakeArkServer ark;
  private static TelegramChats chats;
  private static byte[] result;

  @BeforeAll
  static void startBot() throws Exception {
    result = SampleMedia.mp4(640, 480, 24, RESULT_SECONDS);
    world = TelegramArkWorld.start(work, result, Progression.ON_POLL);
    telegram = world.telegram;
    ark = world.ark;
    chats = new TelegramChats(telegram);
  }

  @BeforeEach
  void forgetEarlierRequests() {
    ark.clearRecords();
    ark.setProgression(Progression.ON_POLL);
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
    reply(chat, video, "/video make it snow");

    // then Ark gets the bot's own copy as reference video, with the instruction as text
    JsonNode create = awaitCreates(2).get(1);
    assertThat(ArkRequests.item(create, "text").path("text").asString()).isEqualTo("make it snow");
    JsonNode reference = ArkRequests.item(create, "video_url");
    assertThat(reference.path("role").asString()).isEqualTo("reference_video");
    ArkRequests.assertFetched(
        ark, reference.path("video_url").path("url").asString(), result, WAIT);
    // and Telegram was never asked for the video's file
    assertThat(telegram.calls("getfile")).isEmpty();
    // and the edited video arrives
    await(() -> chats.videos(chat).size() == 2, chat);
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
    reply(chat, question, "the fox leaps over a frozen river");

    // then Ark gets the video as reference and seed 003's extension sentence
    JsonNode create = awaitCreates(2).get(1);
    assertThat(ArkRequests.item(create, "text").path("text").asString())
        .isEqualTo("Extend video 1 forward, the fox leaps over a frozen river");
    JsonNode reference = ArkRequests.item(create, "video_url");
    assertThat(reference.path("role").asString()).isEqualTo("reference_video");
    ArkRequests.assertFetched(
        ark, reference.path("video_url").path("url").asString(), result, WAIT);
    assertThat(create.path("duration").asInt()).isEqualTo(5);
    await(() -> chats.videos(chat).size() == 2, chat);
  }

  @Test
  void anExtensionTooLongForTheModelIsShortenedAndTheUserIsTold() throws Exception {
    // given a 2 s video the bot posted
    long chat = 3003;
    ObjectNode video = finishedVideo(chat);

    // when the user asks for 15 more seconds, the model's whole limit
    reply(chat, video, "/video --extend --duration 15 the fox dives into the snow");

    // then the extension is 13 s, so that the clip and its extension stay within 15 s
    JsonNode create = awaitCreates(2).get(1);
    assertThat(create.path("duration").asInt()).isEqualTo(13);
    assertThat(ArkRequests.item(create, "text").path("text").asString())
        .isEqualTo("Extend video 1 forward, the fox dives into the snow");
    assertThat(chats.texts(chat))
        .anyMatch(t -> t.contains("the extension is 13 s instead of 15 s"));
  }

  @Test
  void threeScenesChainThroughTheirLastFramesAndArriveAsOneVideo() throws Exception {
    // given
    long chat = 4001;

    // when
    chats.say(
        chat, "/story a knight rides out | he reaches a castle | the gate opens --duration 4");

    // then three tasks, one after the other; each later one starts from the last frame before it
    List<JsonNode> creates = awaitCreates(3);
    assertThat(creates.get(0).path("return_last_frame").asBoolean()).isTrue();
    assertThat(creates.get(1).path("return_last_frame").asBoolean()).isTrue();
    // the last one's too: Continue under the joined video goes on from it
    assertThat(creates.get(2).path("return_last_frame").asBoolean()).isTrue();
    assertThat(creates.get(0).path("content").findValues("image_url")).isEmpty();
    assertThat(ArkRequests.item(creates.get(1), "text").path("text").asString())
        .isEqualTo("he reaches a castle");
    for (JsonNode later : creates.subList(1, 3)) {
      JsonNode frame = ArkRequests.item(later, "image_url");
      assertThat(frame.path("role").asString()).isEqualTo("first_frame");
      // the bot's copy of the last frame Ark returned (the fake returns the same PNG every time)
      ArkRequests.assertEveryFetch(
          ark, frame.path("image_url").path("url").asString(), ark.lastFrameBytes(), WAIT);
    }
    assertThat(creates).allSatisfy(c -> assertThat(c.path("duration").asInt()).isEqualTo(4));
    // and the status said which scene it showed (quick edits in between may be skipped)
    await(() -> chats.texts(chat).stream().anyMatch(t -> t.startsWith("🎞 Scene 3 of 3")), chat);
    assertThat(chats.texts(chat).get(0)).startsWith("🎞 Scene 1 of 3");
    // and the chat got one video whose parsed length is the sum of the scenes
    await(() -> chats.videos(chat).size() == 1, chat);
    byte[] video = chats.videos(chat).get(0).call().files().get("video");
    assertThat(parsedSeconds(video)).isCloseTo(3.0 * RESULT_SECONDS, within());
    assertThat(chats.videos(chat).get(0).call().field("caption")).contains("3 scenes");
  }

  @Test
  void cancelDuringTheSecondSceneDeliversTheFirstAndRefundsTheThird() throws Exception {
    cancelDuringTheSecondScene(4002, true);
  }

  @Test
  void cancelCommandWithTheFirstScenesJobDuringTheSecondSceneDoesWhatTheButtonDoes()
      throws Exception {
    cancelDuringTheSecondScene(4003, false);
  }

  /**
   * The storyboard is cancelled during its second scene by the Cancel button on its status ({@code
   * button}) or by {@code /cancel} with the job its first status showed.
   */
  private void cancelDuringTheSecondScene(long chat, boolean button) throws Exception {
    // given what the user may still do today
    ark.setProgression(Progression.MANUAL);
    int[] before = quota(chat, 1);

    // when the first scene is made and the second waits at Ark
    chats.say(chat, "/story a ship sets sail | a storm rises | the ship reaches land --duration 4");
    String firstJob = awaitJobOfScene(chat, 1);
    // the reservation covers all three scenes
    assertThat(quota(chat, 2)[2]).isEqualTo(before[2] - 3 * 4);
    String first = awaitCreatedTask(1);
    while (ark.taskState(first).orElseThrow() != TaskState.SUCCEEDED) {
      ark.advance(first);
    }
    awaitCreatedTask(2);
    String secondJob = awaitJobOfScene(chat, 2);
    if (button) { // the user presses Cancel on the status message
      int status = statusMessageId(chat);
      telegram.enqueue(
          telegram.updates().buttonPress(chat, chat, "en", status, null, "c:" + secondJob));
    } else { // or cancels the job the status named first
      chats.say(chat, "/cancel " + firstJob);
      await(() -> chats.texts(chat).stream().anyMatch(t -> t.contains("is cancelled")), chat);
    }

    // then the storyboard ends with the one scene made, posted as the video
    await(() -> chats.videos(chat).size() == 1, chat);
    byte[] video = chats.videos(chat).get(0).call().files().get("video");
    assertThat(parsedSeconds(video)).isCloseTo(1.0 * RESULT_SECONDS, within());
    // and only the first scene counts against the quota: the other two were given back
    int[] after = quota(chat, 3);
    assertThat(after[0]).isEqualTo(before[0] - 1);
    assertThat(after[2]).isEqualTo(before[2] - RESULT_SECONDS);
    // and the third scene never reached Ark
    assertThat(creates()).hasSize(2);
  }

  // ---- helpers

  /** The user of {@code chat} replies {@code text} to the bot's message. */
  private static void reply(long chat, ObjectNode botMessage, String text) {
    telegram.enqueue(
        telegram.updates().message(chat, chat, "en").text(text).replyTo(botMessage).update());
  }

  /** Asks for a video in {@code chat} and returns the bot's video message once it is posted. */
  private static ObjectNode finishedVideo(long chat) throws InterruptedException {
    chats.say(chat, "/video a red fox runs through fresh snow");
    await(() -> chats.videos(chat).size() == 1, chat);
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

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.1);
  }

  /** The length of an MP4 as its movie header says. */
  private static double parsedSeconds(byte[] mp4) throws Exception {
    Path file = Files.createTempFile(work, "joined-", ".mp4");
    Files.write(file, mp4);
    try (IsoFile iso = new IsoFile(file.toFile())) {
      MovieHeaderBox header = iso.getMovieBox().getMovieHeaderBox();
      assertThat(iso.getMovieBox().getBoxes(TrackBox.class)).isNotEmpty();
      return (double) header.getDuration() / header.getTimescale();
    }
  }

  /** The user's /quota figures (videos left, limit, seconds left, limit), the n-th time asked. */
  private static int[] quota(long chat, int n) throws InterruptedException {
    chats.say(chat, "/quota");
    await(() -> chats.quotaAnswers(chat).size() >= n, chat);
    return TelegramChats.userQuota(chats.quotaAnswers(chat).get(n - 1));
  }

  /** The job of scene {@code n}, from the status message that names it. */
  private static String awaitJobOfScene(long chat, int n) throws InterruptedException {
    String marker = "Scene " + n + " of ";
    await(() -> chats.texts(chat).stream().anyMatch(t -> t.contains(marker)), chat);
    String text = chats.texts(chat).stream().filter(t -> t.contains(marker)).findFirst().get();
    Matcher m = JOB.matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group(1);
  }

  private static int statusMessageId(long chat) {
    return telegram.sentMessages(chat).stream()
        .filter(m -> m.path("text").asText().contains("Job "))
        .findFirst()
        .orElseThrow()
        .path("message_id")
        .asInt();
  }

  private static List<JsonNode> creates() {
    return ark.requests("POST", TASKS).stream().map(RecordedRequest::json).toList();
  }

  private static List<JsonNode> awaitCreates(int count) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (creates().size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Ark got " + creates().size() + " creates\n" + world.bot.tail());
      }
      Thread.sleep(100);
    }
    return creates();
  }

  /**
   * The id of the {@code n}-th task of this test: scenes are created one after the other, so it is
   * the newest task once the {@code n}-th create arrived.
   */
  private static String awaitCreatedTask(int n) throws InterruptedException {
    awaitCreates(n);
    List<FakeArkServer.CreatedTask> tasks = ark.createdTasks();
    return tasks.get(tasks.size() - 1).id();
  }

  private static void await(BooleanSupplier done, long chat) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(chats.describe(chat) + "\n" + world.bot.tail());
      }
      Thread.sleep(100);
    }
  }
}
