package com.seedancebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.delivery.DeliveryService;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobDispatcher;
import com.seedancebot.core.job.JobTracker;
import com.seedancebot.core.testing.TestDatabase;
import com.seedancebot.telegram.fake.RecordedCall;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bot behind Telegram: a {@code /video} update from the fake Bot API server goes through
 * the real core pipeline (parser, quota, jobs, the embedded simulator) and comes back as a {@code
 * sendVideo} carrying the simulator's MP4, in the right chat and topic, replying to the request.
 */
class TelegramEndToEndIT {
  private static final long GROUP = -1001234567890L;
  private static final long USER = 4242L;

  @TempDir Path dir;
  private TelegramTestBot bot;
  private CoreBehindTelegram core;
  private JobDispatcher dispatcher;
  private JobTracker tracker;
  private DeliveryService delivery;

  @BeforeEach
  void wire() throws IOException {
    bot = TelegramTestBot.polling();
    core = new CoreBehindTelegram(bot, TestDatabase.migratedH2(dir), dir);
    dispatcher = core.assembly.pipeline().dispatcher();
    tracker = core.assembly.pipeline().tracker();
    delivery = core.assembly.pipeline().delivery();
    bot.adapter.connect(core.assembly.inbox());
  }

  @AfterEach
  void stop() throws IOException {
    bot.assertTokenNeverLeaked();
    bot.close();
    core.close();
  }

  @Test
  void videoCommandInATopicComesBackAsTheSimulatorsMp4InThatTopic() throws Exception {
    var request =
        bot.fake
            .updates()
            .message(GROUP, USER, "en")
            .topic(77)
            .text("/video@SeedanceTestBot a red fox --duration 4");
    bot.fake.enqueue(request.update());

    RecordedCall video = runPipelineUntilVideo();

    Job job = core.jobsOf(USER).get(0);
    byte[] produced;
    try (var stored = core.assets.open(job.result().videoAssetId())) {
      produced = stored.readAllBytes();
    }
    assertThat(video.files().get("video")).isEqualTo(produced);
    assertThat(produced).hasSizeGreaterThan(1000);
    assertThat(video.field("chat_id")).isEqualTo(Long.toString(GROUP));
    assertThat(video.field("message_thread_id")).isEqualTo("77");
    assertThat(video.json("reply_parameters").get("message_id").asInt())
        .isEqualTo(request.messageId());
    assertThat(video.field("caption")).contains(job.id());
    assertThat(video.json("reply_markup").toString()).contains("r:" + job.id());
    RecordedCall status = bot.fake.calls("sendMessage").get(0);
    assertThat(status.field("message_thread_id")).isEqualTo("77");
  }

  private RecordedCall runPipelineUntilVideo() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      dispatcher.tick();
      tracker.tick();
      delivery.tick();
      List<RecordedCall> videos = bot.fake.calls("sendVideo");
      if (!videos.isEmpty()) {
        return videos.get(0);
      }
      Thread.sleep(100); // the pipeline's own cadence (it polls a real-time simulator)
    }
    throw new AssertionError("no video was delivered; calls: " + bot.fake.calls());
  }
}
