package com.seedancebot.app.blackbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seedancebot.core.provider.fake.FakeArkServer;
import com.seedancebot.core.provider.fake.Progression;
import com.seedancebot.core.provider.fake.SampleMedia;
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import com.seedancebot.telegram.fake.RecordedCall;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Telegram users end with when things go wrong on their side of the chat, through the packaged
 * jar: a status message they deleted never costs them the video, an upload Telegram refuses for
 * good becomes the bot's signed link, and nothing arrives twice. Also: with a paid provider the
 * playground is not reachable by strangers. One bot for the class; each test uses its own chats.
 */
class TelegramDeliveryIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String TASKS = "/contents/generations/tasks";
  private static final Pattern LINK = Pattern.compile("https?://\\S+/files/\\S+");

  @TempDir static Path work;
  private static FakeTelegramBotApi telegram;
  private static FakeArkServer ark;
  private static TelegramArkWorld world;
  private static PackagedBot bot;
  private static byte[] result;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startBot() throws Exception {
    result = SampleMedia.mp4(160, 96, 12, 2);
    world = TelegramArkWorld.start(work, result, Progression.MANUAL);
    telegram = world.telegram;
    ark = world.ark;
    bot = world.bot;
  }

  @AfterAll
  static void stopAll() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  void sixUsersWhoDeleteTheirStatusMessageEachGetExactlyOneVideo() throws Exception {
    // given six users who each asked for a video and got a status message
    List<Long> chats = LongStream.rangeClosed(2001, 2006).boxed().toList();
    int createsBefore = creates();
    for (long chat : chats) {
      send(chat, "/video a lighthouse at dusk, waves below --duration 4");
    }
    awaitOrExplain(() -> creates() == createsBefore + 3); // Ark's three task slots
    for (long chat : chats) {
      await().atMost(WAIT).until(() -> !calls("sendMessage", chat).isEmpty());
    }

    // when each deletes it, and the videos finish (the queued ones start as slots free up)
    for (long chat : chats) {
      assertThat(telegram.userDeletesBotMessages(chat)).isPositive();
    }

    // then each gets one video, and nothing more arrives a few pipeline passes later
    awaitOrExplain(
        () -> {
          ark.advanceAll();
          return chats.stream().allMatch(chat -> !calls("sendVideo", chat).isEmpty());
        });
    Thread.sleep(3000); // a duplicate would be posted by now (pipeline passes every 250 ms)
    for (long chat : chats) {
      assertThat(calls("sendVideo", chat)).as("videos in chat %s", chat).hasSize(1);
      assertThat(calls("sendVideo", chat).get(0).files().get("video")).isEqualTo(result);
    }
  }

  @Test
  void anUploadTelegramRefusesForGoodBecomesOneMessageWithAWorkingLink() throws Exception {
    // given a video that is ready, and Telegram refusing its upload
    long chat = 2101;
    int createsBefore = creates();
    send(chat, "/video a paper boat on a puddle --duration 4");
    awaitOrExplain(() -> creates() == createsBefore + 1);
    telegram.failNext("sendVideo", 400, "Bad Request: file is too big");

    // when it finishes
    ark.advanceAll();
    ark.advanceAll();

    // then the user gets one message with the bot's signed link, which serves the video
    String text = await().atMost(WAIT).until(() -> linkMessage(chat), t -> t != null);
    assertThat(text).contains("could not upload the video here");
    Matcher link = LINK.matcher(text);
    assertThat(link.find()).isTrue();
    HttpResponse<byte[]> file =
        http.send(
            HttpRequest.newBuilder(URI.create(link.group())).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).isEqualTo(result);
    Thread.sleep(3000);
    assertThat(calls("sendMessage", chat).stream().map(c -> c.field("text")))
        .filteredOn(t -> t.contains("could not upload the video here"))
        .hasSize(1);
    assertThat(calls("sendVideo", chat)).as("the refused upload is not tried again").hasSize(1);
    assertThat(bot.log()).contains("sending its link instead").contains("file is too big");
  }

  @Test
  void withARealProviderTheAnonymousPlaygroundCreatesNoTask() throws Exception {
    int createsBefore = creates();

    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(bot.baseUrl().resolve("/api/playground/messages"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=%2Fvideo+a+free+video"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isIn(401, 403, 404);
    Thread.sleep(1000);
    assertThat(creates()).isEqualTo(createsBefore);
  }

  // ---- helpers

  private static void awaitOrExplain(java.util.concurrent.Callable<Boolean> condition) {
    try {
      await().atMost(WAIT).until(condition);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          "timed out; the bot said "
              + telegram.calls("sendMessage").stream().map(c -> c.field("text")).toList()
              + "\n"
              + bot.tail(),
          e);
    }
  }

  private static void send(long chat, String text) {
    telegram.enqueue(telegram.updates().message(chat, chat, "en").text(text).update());
  }

  private static int creates() {
    return ark.requests("POST", TASKS).size();
  }

  private static List<RecordedCall> calls(String method, long chat) {
    return telegram.calls(method).stream()
        .filter(c -> Long.toString(chat).equals(c.field("chat_id")))
        .toList();
  }

  private static String linkMessage(long chat) {
    return calls("sendMessage", chat).stream()
        .map(c -> c.field("text"))
        .filter(t -> t != null && LINK.matcher(t).find())
        .findFirst()
        .orElse(null);
  }
}
