package com.seedancebot.app.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.provider.fake.FakeArkServer;
import com.seedancebot.core.provider.fake.Progression;
import com.seedancebot.core.provider.fake.RecordedRequest;
import com.seedancebot.core.provider.fake.SampleMedia;
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import tools.jackson.databind.JsonNode;

/**
 * A storyboard through the packaged jar on a public address ({@code BOT_PUBLIC_URL} on IPv6's
 * loopback, which the bot takes for one the provider reaches), killed with SIGKILL while its second
 * scene runs at Ark and started again on the same data: the storyboard goes on where it stood, Ark
 * makes one task per scene (none twice), and the chat gets one joined video, once. Every later
 * scene's first frame reaches Ark as a short-lived signed link of the bot's own file host, as any
 * attached image does there, never inline and never a link carrying a secret; so does the frame
 * Continue under the joined video goes on from (the storyboard's last frame).
 */
class StoryRestartIT {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String TASKS = "/contents/generations/tasks";
  private static final long CHAT = 5001;

  /** Kept when the test fails: the bot's logs are in it. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path work;

  private TelegramArkWorld world;

  @AfterEach
  void stop() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  void aStoryboardKilledDuringItsSecondSceneEndsWithOneJoinedVideoAndNoSceneMadeTwice()
      throws Exception {
    // given the bot on a public address, Ark moving its tasks only when told
    int port = freePort();
    String publicUrl = "http://[::1]:" + port;
    byte[] clip = SampleMedia.mp4();
    world =
        TelegramArkWorld.start(
            work, clip, Progression.MANUAL, b -> b.port(port).env("BOT_PUBLIC_URL", publicUrl));
    FakeArkServer ark = world.ark;
    TelegramChats chats = new TelegramChats(world.telegram);

    // when a storyboard of three scenes is asked, its first scene is made
    chats.say(CHAT, "/story a knight rides out | he reaches a castle | the gate opens");
    finish(ark, awaitTask(ark, 1));
    // and the bot is killed while the second scene runs at Ark, then started again
    String second = awaitTask(ark, 2);
    ark.advance(second);
    world.bot.restart();
    finish(ark, second);
    finish(ark, awaitTask(ark, 3));

    // then the chat gets one video, the three scenes joined
    await(() -> chats.videos(CHAT).size() == 1, chats);
    byte[] video = chats.videos(CHAT).get(0).call().files().get("video");
    assertThat(parsedSeconds(video)).isCloseTo(3 * 0.5, org.assertj.core.data.Offset.offset(0.1));
    assertThat(chats.videos(CHAT).get(0).call().field("caption")).contains("3 scenes");
    // and Ark made one task per scene
    List<JsonNode> creates = creates(ark);
    assertThat(creates).hasSize(3);
    assertThat(creates)
        .extracting(c -> ArkRequests.item(c, "text").path("text").asString())
        .containsExactly("a knight rides out", "he reaches a castle", "the gate opens");
    // and each later scene's first frame came as the bot's signed link, fetched by Ark
    for (JsonNode later : creates.subList(1, 3)) {
      String url = ArkRequests.item(later, "image_url").path("image_url").path("url").asString();
      assertThat(url).startsWith(publicUrl + "/").doesNotContain(FakeTelegramBotApi.TOKEN);
      ArkRequests.assertEveryFetch(ark, url, ark.lastFrameBytes(), WAIT);
    }
    // and the video was posted once: nothing more comes after the storyboard's delivery
    world.bot.awaitLog("delivered to TELEGRAM", WAIT);
    Thread.sleep(1500);
    assertThat(chats.videos(CHAT)).hasSize(1);

    // when the user presses Continue under the joined video, which names the storyboard
    var posted =
        world.telegram.sentMessages(CHAT).stream().filter(m -> m.has("video")).findFirst().get();
    String proceed = continueButton(posted);
    assertThat(posted.path("caption").asText()).contains("Storyboard " + proceed.substring(2));
    world.telegram.enqueue(
        world
            .telegram
            .updates()
            .buttonPress(CHAT, CHAT, "en", posted.path("message_id").asInt(), null, proceed));
    // then the new job starts from the storyboard's last frame, sent as the bot's signed link too
    awaitTask(ark, 4);
    JsonNode next = creates(ark).get(3);
    assertThat(ArkRequests.item(next, "text").path("text").asString()).isEqualTo("the gate opens");
    String frame = ArkRequests.item(next, "image_url").path("image_url").path("url").asString();
    assertThat(frame).startsWith(publicUrl + "/");
    ArkRequests.assertEveryFetch(ark, frame, ark.lastFrameBytes(), WAIT);
  }

  private static String continueButton(com.fasterxml.jackson.databind.node.ObjectNode message) {
    for (var row : message.path("reply_markup").path("inline_keyboard")) {
      for (var b : row) {
        if (b.path("callback_data").asText().startsWith("n:")) {
          return b.path("callback_data").asText();
        }
      }
    }
    throw new AssertionError("no Continue button on " + message);
  }

  /** The id of the {@code n}-th task Ark was asked for, once it was. */
  private String awaitTask(FakeArkServer ark, int n) throws InterruptedException {
    TelegramChats chats = new TelegramChats(world.telegram);
    await(() -> ark.createdTasks().size() >= n, chats);
    return ark.createdTasks().get(n - 1).id();
  }

  private static void finish(FakeArkServer ark, String task) {
    while (ark.taskState(task).orElseThrow() != TaskState.SUCCEEDED) {
      ark.advance(task);
    }
  }

  private static List<JsonNode> creates(FakeArkServer ark) {
    return ark.requests("POST", TASKS).stream().map(RecordedRequest::json).toList();
  }

  private double parsedSeconds(byte[] mp4) throws Exception {
    Path file = Files.createTempFile(work, "joined-", ".mp4");
    Files.write(file, mp4);
    try (IsoFile iso = new IsoFile(file.toFile())) {
      MovieHeaderBox header = iso.getMovieBox().getMovieHeaderBox();
      return (double) header.getDuration() / header.getTimescale();
    }
  }

  private void await(BooleanSupplier done, TelegramChats chats) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(chats.describe(CHAT) + "\n" + world.bot.tail());
      }
      Thread.sleep(100);
    }
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
