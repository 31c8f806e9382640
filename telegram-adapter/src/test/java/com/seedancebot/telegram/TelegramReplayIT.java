package com.seedancebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seedancebot.core.job.Job;
import com.seedancebot.core.testing.TestDatabase;
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@code /video} handled again after its instance died, against the real core on one H2 database
 * as a single instance keeps it: Telegram serving the update again (its offset never confirmed), or
 * another instance taking over an update whose processing was cut short after the job was stored,
 * never makes a second job or a second status message.
 */
class TelegramReplayIT {
  private static final long USER = 4242L;
  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir Path dir;
  private FakeTelegramBotApi fake;
  private DataSource db;
  private TelegramTestBot bot;
  private CoreBehindTelegram core;

  @BeforeEach
  void start() throws IOException {
    fake = new FakeTelegramBotApi();
    db = TestDatabase.migratedH2(dir);
  }

  @AfterEach
  void stop() {
    stopInstance();
    fake.close();
  }

  @Test
  void anUpdateServedAgainAfterACrashMakesNoSecondJob() throws Exception {
    startInstance("a");
    var video = fake.updates().message(USER, USER, "en").text("/video a fox").update();
    fake.enqueue(video);
    await()
        .atMost(WAIT)
        .until(() -> core.jobsOf(USER).size() == 1 && fake.calls("sendMessage").size() == 1);
    stopInstance();

    fake.enqueueAgain(video); // the offset was never confirmed: Telegram serves it again
    startInstance("a");

    await()
        .atMost(WAIT)
        .until(
            () -> fake.pendingUpdates() == 0); // received and confirmed by the restarted instance
    awaitIdle();
    assertThat(core.jobsOf(USER)).hasSize(1);
    assertThat(fake.calls("sendMessage")).as("one status message").hasSize(1);
  }

  @Test
  void anUpdateCutShortAfterItsJobWasStoredIsTakenOverWithoutASecondJob() throws Exception {
    startInstance("a");
    fake.enqueue(fake.updates().message(USER, USER, "en").text("/video a fox").update());
    await()
        .atMost(WAIT)
        .until(() -> core.jobsOf(USER).size() == 1 && fake.calls("sendMessage").size() == 1);
    stopInstance();
    // what a kill -9 right after the job was stored leaves: the update claimed, never done
    JdbcClient.create(db)
        .sql("UPDATE telegram_update SET done_at = NULL, lease_owner = 'a', lease_until = ?")
        .param(System.currentTimeMillis() + LEASE.toMillis())
        .update();

    startInstance("b");

    await().atMost(WAIT).until(() -> openUpdates() == 0); // b took it over once a's lease ran out
    Job job = core.jobsOf(USER).get(0);
    assertThat(core.jobsOf(USER)).containsExactly(job);
    assertThat(fake.calls("sendMessage")).as("one status message").hasSize(1);
  }

  private void startInstance(String id) {
    bot = TelegramTestBot.instance(fake, db, id, null, LEASE);
    core = new CoreBehindTelegram(bot, db, dir);
    bot.adapter.connect(core.assembly.inbox());
  }

  private void stopInstance() {
    if (bot != null) {
      bot.close();
      core.close();
      bot = null;
    }
  }

  private int openUpdates() {
    return JdbcClient.create(db)
        .sql("SELECT COUNT(*) FROM telegram_update WHERE done_at IS NULL")
        .query(Integer.class)
        .single();
  }

  /** Until every received update is processed (and a little longer for stray work). */
  private void awaitIdle() throws InterruptedException {
    await().atMost(WAIT).until(() -> openUpdates() == 0);
    Thread.sleep(300);
  }
}
