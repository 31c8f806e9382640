package com.seedancebot.app.blackbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seedancebot.core.provider.fake.FakeProviderServer.CreatedTask;
import com.seedancebot.telegram.fake.FakeTelegramBotApi.CompletedCall;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * One user's upload hangs at Telegram (no answer for 20 s and more) while other users' videos are
 * due at the same time: the packaged bot posts theirs on time, and the hung one exactly once when
 * Telegram answers. Behaviour asserted: with the default delivery timeout the bot waits for the
 * hung upload's answer (it is never abandoned nor sent again), on a worker of its own; with a
 * delivery timeout ({@code BOT_PIPELINE_DELIVER_TIMEOUT}) the hung upload is given up and not sent
 * again (the abandoned upload may still be posted): the user gets the signed link, and ends with
 * exactly one video when Telegram answers the held upload.
 */
class HungUploadIT {

  private static final Duration WAIT = Duration.ofSeconds(90);

  /** How late a video may arrive after its task succeeded (poll, download, status, upload). */
  private static final Duration ON_TIME = Duration.ofSeconds(15);

  /** How long the hung upload stays unanswered at least, well above {@link #ON_TIME}. */
  private static final Duration HANG = Duration.ofSeconds(20);

  /** Kept when the test fails: the bot's logs (bot-N.log) are in it. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path work;

  private ChaosRig rig;

  @AfterEach
  void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void aHungUploadDelaysNoOtherUsersVideoAndArrivesOnceWhenTelegramAnswers() throws Exception {
    // given five users, and Telegram holding every upload to the third one's chat
    rig = ChaosRig.start(work, Duration.ofSeconds(1), ChaosRig.Settings.none());
    long[] chats = LongStream.rangeClosed(2001, 2005).toArray();
    long hung = 2003;
    rig.telegram.hold("sendVideo", hung);

    // when they all ask for a video at about the same time
    for (long chat : chats) {
      rig.chats.say(chat, "/video a lighthouse in a storm, hung-" + chat + " --duration 4");
    }

    // then every other user gets theirs soon after its task succeeded
    long[] others = LongStream.of(chats).filter(c -> c != hung).toArray();
    await()
        .atMost(WAIT)
        .until(() -> LongStream.of(others).allMatch(c -> !rig.chats.videos(c).isEmpty()));
    for (long chat : others) {
      CompletedCall video = rig.chats.videos(chat).get(0);
      Duration late = Duration.between(succeededAt("hung-" + chat), video.at());
      assertThat(late).as("video to chat %d after its task succeeded", chat).isLessThan(ON_TIME);
    }
    // and the hung upload stays open, unanswered, not posted and not sent again
    Instant hungDone = succeededAt("hung-" + hung);
    await()
        .atMost(WAIT)
        .until(
            () -> rig.telegram.arriving("sendVideo") == 1 && rig.chats.uploadAttempts(hung) == 1);
    Duration held = HANG.minus(Duration.between(hungDone, Instant.now()));
    if (!held.isNegative()) {
      await()
          .during(held)
          .atMost(held.plusSeconds(5))
          .until(
              () ->
                  rig.chats.videos(hung).isEmpty()
                      && rig.chats.uploadAttempts(hung) == 1
                      && rig.telegram.arriving("sendVideo") == 1);
    }

    // when Telegram finally answers
    rig.telegram.release();

    // then the user of the hung chat has exactly one video, and nobody has two
    String job = rig.chats.jobId(hung).orElseThrow();
    rig.bot.awaitLog("Job " + job + " delivered", WAIT);
    for (long chat : chats) {
      List<CompletedCall> videos = rig.chats.videos(chat);
      assertThat(videos).as(rig.chats.describe(chat)).hasSize(1);
      assertThat(rig.chats.uploadAttempts(chat)).as(rig.chats.describe(chat)).isEqualTo(1);
    }
    assertThat(Duration.between(hungDone, rig.chats.videos(hung).get(0).at()))
        .as("the hung video arrived after the hang")
        .isGreaterThanOrEqualTo(HANG);
  }

  @Test
  void withADeliveryTimeoutTheHungUploadIsGivenUpAndTheUserStillGetsExactlyOneVideo()
      throws Exception {
    // given deliveries interrupted after 8 s, and Telegram holding every upload to the user's chat
    rig =
        ChaosRig.start(
            work,
            Duration.ofSeconds(1),
            ChaosRig.Settings.env(b -> b.env("BOT_PIPELINE_DELIVER_TIMEOUT", "8s")));
    long chat = 2101;
    rig.telegram.hold("sendVideo", chat);

    // when the user's upload hangs past the delivery timeout
    rig.chats.say(chat, "/video a lighthouse in a storm, timeout-" + chat + " --duration 4");
    await().atMost(WAIT).until(() -> rig.chats.jobId(chat).isPresent());
    String job = rig.chats.jobId(chat).orElseThrow();
    rig.bot.awaitLog("unit " + job + " still running after PT8S, interrupting it", WAIT);
    // then the bot gives the upload up without sending it again, and sends the signed link
    rig.bot.awaitLog("Job " + job + " delivered", WAIT);
    assertThat(rig.chats.uploadAttempts(chat)).as("uploads started").isEqualTo(1);
    assertThat(rig.chats.texts(chat))
        .filteredOn(t -> t.contains("the upload is taking too long"))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("/files/").contains("sig="));

    // and when Telegram answers the upload it held, that is the one video the user has
    rig.telegram.release();
    await().atMost(WAIT).until(() -> !rig.chats.videos(chat).isEmpty());
    Thread.sleep(2000); // a second upload would have been posted by now
    System.out.printf(
        "HungUploadIT (deliver timeout 8 s): %d upload attempts, %d video(s) posted%n",
        rig.chats.uploadAttempts(chat), rig.chats.videos(chat).size());
    assertThat(rig.chats.videos(chat)).as(rig.chats.describe(chat)).hasSize(1);
  }

  private Instant succeededAt(String tag) {
    List<CreatedTask> tasks = rig.tasksTagged(tag);
    assertThat(tasks).as("Ark tasks for %s", tag).hasSize(1);
    assertThat(tasks.get(0).finishedAt()).as("%s finished", tag).isNotNull();
    return tasks.get(0).finishedAt();
  }
}
