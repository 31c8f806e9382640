package com.seedancebot.app.blackbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seedancebot.core.provider.fake.FakeArkServer;
import com.seedancebot.core.provider.fake.FakeProviderServer.CreatedTask;
import com.seedancebot.core.provider.fake.Progression;
import com.seedancebot.core.provider.fake.SampleMedia;
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import com.seedancebot.telegram.fake.RecordedCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The options that change how a video is made, and the job card and history, through the packaged
 * jar between the fake Telegram Bot API and the fake Ark: {@code --last-frame} posts the frame,
 * {@code --draft} asks for a draft whose Final button renders it from the draft task, {@code
 * --flex} asks for offline inference (and is refused where the model has none), {@code /show} and
 * {@code /history} answer the owner and no one else. One bot for the class; each test uses its own
 * private chats (user id = chat id).
 */
class CreativeOptionsIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir static Path work;
  private static TelegramArkWorld world;
  private static FakeTelegramBotApi telegram;
  private static FakeArkServer ark;
  private static TelegramChats chats;

  @BeforeAll
  static void startBot() throws Exception {
    world = TelegramArkWorld.start(work, SampleMedia.mp4(160, 96, 12, 2), Progression.ON_POLL);
    telegram = world.telegram;
    ark = world.ark;
    chats = new TelegramChats(telegram);
  }

  @AfterAll
  static void stopAll() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  void lastFrameIsPostedAsAPhotoAfterTheVideoOnlyWhenAskedFor() {
    // when one user asks for the last frame and another does not
    chats.say(3001, "/video a kite over the dunes --duration 4 --last-frame");
    chats.say(3002, "/video a kite over the sea --duration 4");
    awaitOrExplain(() -> !chats.videos(3001).isEmpty() && !chats.videos(3002).isEmpty());

    // then Ark was asked for the frame, and only the first chat gets it, as a photo, after the
    // video
    assertThat(task("a kite over the dunes").path("return_last_frame").asBoolean()).isTrue();
    awaitOrExplain(() -> !photos(3001).isEmpty());
    RecordedCall photo = photos(3001).get(0);
    assertThat(photo.files().get("photo")).isEqualTo(ark.lastFrameBytes());
    assertThat(photo.field("caption")).startsWith("Last frame of job");
    assertThat(photos(3002)).isEmpty();
  }

  @Test
  void aDraftIsAskedForAt480pAndItsFinalButtonRendersTheDraftTask() {
    // given a draft on a model with draft mode
    chats.say(3003, "/video a paper lantern rising --model 1.5 --draft --duration 4");
    awaitOrExplain(() -> !chats.videos(3003).isEmpty());
    CreatedTask draft = created("a paper lantern rising");
    assertThat(draft.request().path("draft").asBoolean()).isTrue();
    assertThat(draft.request().path("resolution").asString()).isEqualTo("480p");

    // when its owner presses Final under the preview
    RecordedCall video = chats.videos(3003).get(0).call();
    String finalData = callbackData(video, "f:");
    int tasksBefore = ark.createdTasks().size();
    telegram.enqueue(
        telegram.updates().buttonPress(3003, 3003, "en", messageId(video), null, finalData));

    // then a task is created from the draft, and the full video is posted
    awaitOrExplain(() -> ark.createdTasks().size() == tasksBefore + 1);
    JsonNode full = ark.createdTasks().get(tasksBefore).request();
    assertThat(full.path("content")).hasSize(1);
    assertThat(full.path("content").get(0).path("type").asString()).isEqualTo("draft_task");
    assertThat(full.path("content").get(0).path("draft_task").path("id").asString())
        .isEqualTo(draft.id());
    assertThat(full.has("draft")).isFalse();
    awaitOrExplain(() -> chats.videos(3003).size() == 2);
  }

  @Test
  void flexAsksForOfflineInferenceAndIsRefusedWhereTheModelHasNone() {
    chats.say(3004, "/video a snail crossing a leaf --model 1.5 --flex --duration 4");
    awaitOrExplain(() -> chats.texts(3004).stream().anyMatch(t -> t.contains("Offline inference")));
    awaitOrExplain(() -> ark.createdTasks().toString().contains("a snail crossing a leaf"));
    assertThat(task("a snail crossing a leaf").path("service_tier").asString()).isEqualTo("flex");

    int tasksBefore = ark.createdTasks().size();
    chats.say(3005, "/video a snail crossing a stone --flex --duration 4");
    awaitOrExplain(
        () -> chats.texts(3005).stream().anyMatch(t -> t.contains("offers no offline inference")));
    assertThat(ark.createdTasks()).hasSize(tasksBefore);
  }

  @Test
  void showAndHistoryAnswerTheOwnerAndNoOneElse() {
    // given a finished video in chat 3006
    chats.say(3006, "/video a glass whale in the sky --duration 4");
    awaitOrExplain(() -> !chats.videos(3006).isEmpty());
    String job = chats.jobId(3006).orElseThrow();

    // when its owner asks for the history: the job is listed with a Show button
    chats.say(3006, "/history");
    awaitOrExplain(() -> historyMessage(3006) != null);
    RecordedCall history = historyMessage(3006);
    assertThat(history.field("text")).contains(job).contains("a glass whale in the sky");
    String showData = callbackData(history, "s:");
    assertThat(showData).isEqualTo("s:" + job);

    // and presses Show: the card and the video again
    telegram.enqueue(
        telegram.updates().buttonPress(3006, 3006, "en", messageId(history), null, showData));
    awaitOrExplain(() -> chats.videos(3006).size() == 2);
    assertThat(chats.texts(3006))
        .anySatisfy(t -> assertThat(t).contains("Job " + job + " \u2014 done").contains("Prompt:"));

    // while another user, in their own chat, gets neither the card nor the video nor a history
    chats.say(3007, "/show " + job);
    chats.say(3007, "/history");
    awaitOrExplain(() -> chats.texts(3007).size() >= 2);
    assertThat(chats.texts(3007))
        .anySatisfy(t -> assertThat(t).contains("I can not show job " + job))
        .anySatisfy(t -> assertThat(t).contains("no finished videos"))
        .noneSatisfy(t -> assertThat(t).contains("a glass whale"));
    assertThat(chats.videos(3007)).isEmpty();
  }

  // ---- helpers

  private static void awaitOrExplain(Callable<Boolean> condition) {
    try {
      await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(condition);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          "timed out; the bot said "
              + telegram.calls("sendMessage").stream().map(c -> c.field("text")).toList()
              + "\n"
              + world.bot.tail(),
          e);
    }
  }

  private static List<RecordedCall> photos(long chat) {
    return telegram.completedCalls("sendPhoto").stream()
        .map(FakeTelegramBotApi.CompletedCall::call)
        .filter(c -> Long.toString(chat).equals(c.field("chat_id")))
        .toList();
  }

  private static RecordedCall historyMessage(long chat) {
    return telegram.completedCalls("sendMessage").stream()
        .map(FakeTelegramBotApi.CompletedCall::call)
        .filter(c -> Long.toString(chat).equals(c.field("chat_id")))
        .filter(c -> c.field("text").startsWith("Your videos in this chat"))
        .findFirst()
        .orElse(null);
  }

  private static CreatedTask created(String prompt) {
    return ark.createdTasks().stream()
        .filter(t -> t.request().toString().contains(prompt))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no task for " + prompt));
  }

  private static JsonNode task(String prompt) {
    return created(prompt).request();
  }

  /** The callback data of the first button under the message whose data starts so. */
  private static String callbackData(RecordedCall message, String prefix) {
    for (com.fasterxml.jackson.databind.JsonNode row :
        message.json("reply_markup").path("inline_keyboard")) {
      for (com.fasterxml.jackson.databind.JsonNode button : row) {
        String data = button.path("callback_data").asText();
        if (data.startsWith(prefix)) {
          return data;
        }
      }
    }
    throw new AssertionError("no " + prefix + " button under " + message.fields());
  }

  /**
   * The id of the message a button sits under. The bot only replies to it (without requiring it to
   * exist), so any id of the chat does; the fake does not tell which id it gave which call.
   */
  private static int messageId(RecordedCall sent) {
    return 900_000 + Math.floorMod(sent.field("chat_id").hashCode(), 1000);
  }
}
