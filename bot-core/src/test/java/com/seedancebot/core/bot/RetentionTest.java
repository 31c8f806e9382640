package com.seedancebot.core.bot;

import static com.seedancebot.core.bot.CommandDesk.GROUP;
import static com.seedancebot.core.bot.CommandDesk.member;
import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.asset.JdbcRetainedFiles;
import com.seedancebot.core.asset.Retention;
import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.provider.simulator.SimulatorSweeper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention policy over the real local-disk store, H2 and the command layer on a test clock:
 * files older than the retention go, unless a job still needs them.
 */
class RetentionTest {

  private static final UserRef OWNER = member("1");
  private static final Duration KEEP = Duration.ofDays(7);

  @TempDir Path dir;
  private CommandDesk desk;
  private Retention retention;

  @BeforeEach
  void wire() {
    desk = new CommandDesk(dir);
    retention =
        new Retention(
            desk.assets,
            new JdbcRetainedFiles(desk.db),
            List.of(new SimulatorSweeper(dir.resolve("simulator"))),
            KEEP,
            desk.clock);
  }

  @Test
  void oldFilesGoButJobsInFlightAndUndeliveredResultsKeepTheirs() throws IOException {
    Job delivered = finishedVideo("/video a red fox in the snow", true);
    Job undelivered = finishedVideo("/video a grey wolf at night", false);
    String deliveredVideo = delivered.result().videoAssetId();
    String frame = delivered.result().lastFrameAssetId();
    String undeliveredVideo = undelivered.result().videoAssetId();
    // Continue: a job in flight whose request names the delivered job's last frame
    desk.chat.reachable = true;
    assertThat(desk.press(OWNER, GROUP, ButtonAction.CONTINUE, delivered.id())).isEmpty();
    String orphan = store("an attachment no job took");
    Instant written = desk.clock.instant();
    for (String id : List.of(deliveredVideo, frame, undeliveredVideo, orphan)) {
      age(id, written);
    }

    desk.clock.advance(KEEP.plusDays(1));
    String fresh = store("attached just now");
    age(fresh, desk.clock.instant());
    Map<String, Integer> deleted = retention.run();

    assertThat(deleted).containsEntry("assets", 2);
    assertThat(desk.assets.exists(deliveredVideo)).as("delivered long ago").isFalse();
    assertThat(desk.assets.exists(orphan)).as("an old attachment of no job").isFalse();
    assertThat(desk.assets.exists(frame)).as("needed by the job in flight").isTrue();
    assertThat(desk.assets.exists(undeliveredVideo)).as("not yet delivered").isTrue();
    assertThat(desk.assets.exists(fresh)).as("newer than the retention").isTrue();
  }

  @Test
  void aFinishedJobKeepsItsFilesForTheRetentionAfterItFinished() throws IOException {
    Instant longAgo = desk.clock.instant().minus(Duration.ofDays(30));
    desk.clock.advance(Duration.ofDays(6));
    Job job = finishedVideo("/video a red fox in the snow", true);
    age(job.result().videoAssetId(), longAgo);
    age(job.result().lastFrameAssetId(), longAgo);

    desk.clock.advance(Duration.ofDays(2));
    assertThat(retention.run()).containsEntry("assets", 0);
    assertThat(desk.assets.exists(job.result().videoAssetId())).isTrue();

    desk.clock.advance(Duration.ofDays(6));
    assertThat(retention.run()).containsEntry("assets", 2);
    assertThat(desk.assets.exists(job.result().videoAssetId())).isFalse();
    assertThat(desk.press(OWNER, GROUP, ButtonAction.CONTINUE, job.id()))
        .containsExactly("Job " + job.id() + " has no last frame to continue from.");
  }

  @Test
  void oldSimulatorTasksGoUnlessAJobStillFollowsThem() throws IOException {
    Path tasks = Files.createDirectories(dir.resolve("simulator/tasks"));
    Path results = Files.createDirectories(dir.resolve("simulator/results"));
    Job undelivered = finishedVideo("/video a red fox in the snow", false);
    String followed = "cgt-20261101000000-fghij";
    JdbcClient.create(desk.db)
        .sql("UPDATE job SET provider_task_id = ? WHERE id = ?")
        .params(followed, undelivered.id())
        .update();
    String expired = "cgt-20261101000000-abcde";
    for (String id : List.of(followed, expired)) {
      Files.writeString(tasks.resolve(id + ".json"), "{}");
      Files.writeString(results.resolve(id + ".mp4"), "video");
      Files.setLastModifiedTime(tasks.resolve(id + ".json"), FileTime.from(desk.clock.instant()));
    }

    desk.clock.advance(KEEP.plusDays(1));
    assertThat(retention.run()).containsEntry("simulator files", 1);

    assertThat(tasks.resolve(expired + ".json")).doesNotExist();
    assertThat(results.resolve(expired + ".mp4")).doesNotExist();
    assertThat(tasks.resolve(followed + ".json")).exists();
    assertThat(results.resolve(followed + ".mp4")).exists();
  }

  /** A job whose video (and last frame) the provider made; delivered to the chat or not yet. */
  private Job finishedVideo(String command, boolean delivered) {
    assertThat(desk.say(OWNER, GROUP, command)).isEmpty();
    Job job = desk.newestJob(OWNER);
    desk.dispatcher.tick();
    String task = desk.jobs.find(job.id()).orElseThrow().providerTaskId();
    desk.provider.succeedWithLastFrame(task, new byte[] {1, 2, 3}, 7L, new byte[] {9, 9});
    desk.chat.reachable = delivered;
    desk.clock.advance(Duration.ofSeconds(2));
    desk.tracker.tick();
    desk.pipeline.delivery().tick();
    Job done = desk.jobs.find(job.id()).orElseThrow();
    assertThat(done.result()).as("collected").isNotNull();
    assertThat(done.deliveredAt() != null).as("delivered").isEqualTo(delivered);
    return done;
  }

  private String store(String content) throws IOException {
    return desk.assets.store(new ByteArrayInputStream(content.getBytes()), "png");
  }

  private void age(String assetId, Instant written) throws IOException {
    Files.setLastModifiedTime(dir.resolve("assets").resolve(assetId), FileTime.from(written));
  }
}
