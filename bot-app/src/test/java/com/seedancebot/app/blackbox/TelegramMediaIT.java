package com.seedancebot.app.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.provider.fake.FakeArkServer;
import com.seedancebot.core.provider.fake.Progression;
import com.seedancebot.core.provider.fake.RecordedRequest;
import com.seedancebot.core.provider.fake.SampleMedia;
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import com.seedancebot.telegram.fake.RecordedCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Media from a Telegram user through the packaged jar to Ark and back: what the provider receives
 * (item types, roles, and the very bytes the user sent, fetched from the URLs it was given) and
 * what the user gets (the finished video with the result's own size and length, or a refusal). One
 * bot for the whole class, between the fake Bot API server and the fake Ark; each test talks from
 * its own private chat.
 */
class TelegramMediaIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String TASKS = "/contents/generations/tasks";

  /** What the fake Ark serves as every result: 160×96, 2 s, unlike anything asked for. */
  private static final int RESULT_WIDTH = 160;

  private static final int RESULT_HEIGHT = 96;
  private static final int RESULT_SECONDS = 2;

  @TempDir static Path work;
  private static FakeTelegramBotApi telegram;
  private static FakeArkServer ark;
  private static TelegramArkWorld world;
  private static PackagedBot bot;
  private static byte[] clip;
  private static byte[] result;

  @BeforeAll
  static void startBot() throws Exception {
    // a phone clip Seedance takes as reference: 640×480, 24 fps, 3 s, H.264
    clip = SampleMedia.mp4(640, 480, 24, 3);
    result = SampleMedia.mp4(RESULT_WIDTH, RESULT_HEIGHT, 12, RESULT_SECONDS);
    world = TelegramArkWorld.start(work, result, Progression.ON_POLL);
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

  @BeforeEach
  void forgetEarlierRequests() {
    ark.clearRecords();
  }

  @Test
  void aVideoMessageReachesArkAsAReferenceVideoWithTheSameBytes() throws Exception {
    // given
    long chat = 1001;
    String fileId = telegram.addFile(clip, "mp4");

    // when
    telegram.enqueue(
        telegram
            .updates()
            .message(chat, chat, "en")
            .video(fileId, clip.length, 640, 480, 3)
            .caption("/video make it snow")
            .update());

    // then Ark was asked with the clip as reference video, and fetched exactly the user's bytes
    JsonNode video = item(awaitCreate(), "video_url");
    assertThat(video.path("role").asString()).isEqualTo("reference_video");
    assertFetched(video.path("video_url").path("url").asString(), clip);
    // and the user got the result
    RecordedCall sent = awaitCall("sendVideo", chat);
    assertThat(sent.files().get("video")).isEqualTo(result);
  }

  @Test
  void anAlbumOfAPhotoAndAClipReachesArkWithTheSameBytes() throws Exception {
    // given
    long chat = 1002;
    byte[] photo = SampleMedia.jpeg(1280, 720);
    String photoId = telegram.addFile(photo, "jpg");
    String clipId = telegram.addFile(clip, "mp4");
    var updates = telegram.updates();

    // when the two arrive as one album, the caption on the first (--ref: both are references)
    telegram.enqueue(
        updates
            .message(chat, chat, "en")
            .photo(photoId, photo.length)
            .album("album-1002")
            .caption("/video the scene comes alive --ref")
            .update());
    telegram.enqueue(
        updates
            .message(chat, chat, "en")
            .video(clipId, clip.length, 640, 480, 3)
            .album("album-1002")
            .update());

    // then
    JsonNode create = awaitCreate();
    JsonNode image = item(create, "image_url");
    assertThat(image.path("role").asString()).isEqualTo("reference_image");
    assertFetched(image.path("image_url").path("url").asString(), photo);
    JsonNode video = item(create, "video_url");
    assertThat(video.path("role").asString()).isEqualTo("reference_video");
    assertFetched(video.path("video_url").path("url").asString(), clip);
    awaitCall("sendVideo", chat);
  }

  @Test
  void aClipAndAnMp3SentAsFilesReachArkAsReferenceVideoAndAudio() throws Exception {
    // given (Telegram groups audio only with audio, so music goes along with a clip as files)
    long chat = 1003;
    byte[] song = SampleMedia.mp3();
    String clipId = telegram.addFile(clip, "mp4");
    String songId = telegram.addFile(song, "mp3");
    var updates = telegram.updates();

    // when
    telegram.enqueue(
        updates
            .message(chat, chat, "en")
            .document(clipId, "dance.mp4", "video/mp4", clip.length)
            .album("album-1003")
            .caption("/video dance to this")
            .update());
    telegram.enqueue(
        updates
            .message(chat, chat, "en")
            .document(songId, "tune.mp3", "audio/mpeg", song.length)
            .album("album-1003")
            .update());

    // then
    JsonNode create = awaitCreate();
    JsonNode video = item(create, "video_url");
    assertThat(video.path("role").asString()).isEqualTo("reference_video");
    assertFetched(video.path("video_url").path("url").asString(), clip);
    JsonNode audio = item(create, "audio_url");
    assertThat(audio.path("role").asString()).isEqualTo("reference_audio");
    assertFetched(audio.path("audio_url").path("url").asString(), song);
    awaitCall("sendVideo", chat);
  }

  @Test
  void theDeliveredVideoCarriesTheResultsOwnSizeAndLength() throws Exception {
    // given
    long chat = 1004;

    // when the user asks for 4 s and Ark's clip turns out 2 s long
    telegram.enqueue(
        telegram
            .updates()
            .message(chat, chat, "en")
            .text("/video a red fox running in snow --duration 4")
            .update());

    // then
    assertThat(awaitCreate().path("duration").asInt()).isEqualTo(4);
    RecordedCall sent = awaitCall("sendVideo", chat);
    assertThat(sent.files().get("video")).isEqualTo(result);
    assertThat(Arrays.asList(sent.field("width"), sent.field("height"), sent.field("duration")))
        .as("width, height, duration of the sendVideo")
        .containsExactly(
            Integer.toString(RESULT_WIDTH),
            Integer.toString(RESULT_HEIGHT),
            Integer.toString(RESULT_SECONDS));
  }

  @Test
  void aJpegCutInHalfIsRefusedAndNeverReachesArk() throws Exception {
    // given a photo whose upload stopped half way
    long chat = 1005;
    byte[] whole = SampleMedia.jpeg(1280, 720);
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    String fileId = telegram.addFile(cut, "jpg");

    // when
    telegram.enqueue(
        telegram
            .updates()
            .message(chat, chat, "en")
            .photo(fileId, cut.length)
            .caption("/video make it snow")
            .update());

    // then the user is told, in words, what is wrong
    String refusal = awaitText(chat, t -> t.contains("damaged or incomplete"));
    assertThat(refusal).contains("Please send it again");
    // the log says which file and why
    assertThat(bot.awaitLog("the image is incomplete", WAIT)).contains(".jpg");
    // and Ark never heard of it
    assertThat(ark.requests("POST", TASKS)).isEmpty();
    assertThat(ark.fetchedMedia()).isEmpty();
  }

  // ---- helpers

  /** The one create request Ark gets. */
  private static JsonNode awaitCreate() throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (ark.requests("POST", TASKS).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "Ark got no create request; the bot said: "
                + telegram.calls().stream()
                    .filter(c -> c.method().equals("sendmessage"))
                    .map(c -> c.field("text"))
                    .toList()
                + "\n"
                + bot.tail());
      }
      Thread.sleep(100);
    }
    List<RecordedRequest> creates = ark.requests("POST", TASKS);
    assertThat(creates).hasSize(1);
    return creates.get(0).json();
  }

  private static JsonNode item(JsonNode create, String type) {
    return ArkRequests.item(create, type);
  }

  private static void assertFetched(String url, byte[] bytes) throws InterruptedException {
    ArkRequests.assertFetched(ark, url, bytes, WAIT);
  }

  private static RecordedCall awaitCall(String method, long chat) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      for (RecordedCall c : telegram.calls(method)) {
        if (Long.toString(chat).equals(c.field("chat_id"))) {
          return c;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "no " + method + " to chat " + chat + "; said: " + texts(chat) + "\n" + bot.tail());
      }
      Thread.sleep(100);
    }
  }

  /** Waits for a message (sent or edited) to the chat whose text matches. */
  private static String awaitText(long chat, Predicate<String> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      for (String text : texts(chat)) {
        if (wanted.test(text)) {
          return text;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no such message to chat " + chat + "; said: " + texts(chat));
      }
      Thread.sleep(100);
    }
  }

  private static List<String> texts(long chat) {
    return telegram.calls().stream()
        .filter(c -> c.method().equals("sendmessage") || c.method().equals("editmessagetext"))
        .filter(c -> Long.toString(chat).equals(c.field("chat_id")))
        .map(c -> c.field("text"))
        .toList();
  }
}
