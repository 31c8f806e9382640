package com.seedancebot.app.blackbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.provider.fake.FakeProviderServer.CreatedTask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged bot while 30 % of the calls to Ark (429 with Retry-After, 500, 503, truncated
 * bodies, dropped connections before and after a create was handled, short hangs) and 30 % of its
 * calls to Telegram (429 with retry_after, 500, short hangs) fail, drawn from a seeded random
 * ({@code -Dchaos.seed=N} replays another draw). Two of the jobs fail at Ark. Every user ends with
 * their video or a message saying why not, nothing is posted twice, each job is paid for once at
 * Ark, and {@code /quota} shows the failed jobs given back.
 */
class FaultRateIT {

  private static final long SEED = Long.getLong("chaos.seed", 20261130L);
  private static final double RATE = 0.3;
  private static final Set<String> TELEGRAM_METHODS =
      Set.of(
          "sendMessage", "editMessageText", "sendVideo", "sendChatAction", "answerCallbackQuery");
  private static final int FAILING_TASKS = 2;
  private static final Duration WAIT = Duration.ofSeconds(150);

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
  void everyJobEndsOnceAndFailedJobsAreRefundedWhileAThirdOfAllCallsFail() throws Exception {
    // given a third of all calls failing, and Ark failing the first two tasks it runs
    rig =
        ChaosRig.start(
            work,
            Duration.ofSeconds(1),
            (builder, telegram, ark) -> {
              for (int i = 0; i < FAILING_TASKS; i++) {
                ark.failNextTask(
                    "InternalServiceError", "The service encountered an unexpected error.");
              }
              ark.failRandomly(RATE, SEED);
              telegram.failRandomly(RATE, SEED, TELEGRAM_METHODS);
              return builder;
            });
    long[] chats = LongStream.rangeClosed(4001, 4008).toArray();

    // when eight users ask for a video
    for (long chat : chats) {
      rig.chats.say(chat, "/video paper boats on a river, fault-" + chat + " --duration 4");
    }

    // then every user sees their job end, and the bot finishes delivering each
    await().atMost(WAIT).until(() -> LongStream.of(chats).allMatch(rig.chats::ended));
    for (long chat : chats) {
      rig.bot.awaitLog("Job " + rig.chats.jobId(chat).orElseThrow() + " delivered", WAIT);
    }
    int arkFaults = rig.ark.injectedFaults().size();
    int telegramFaults = rig.telegram.randomFaults();

    // when the faults stop and every user asks for their quota
    rig.ark.failRandomly(0, SEED);
    rig.telegram.failRandomly(0, SEED, TELEGRAM_METHODS);
    for (long chat : chats) {
      rig.chats.say(chat, "/quota");
    }
    await()
        .atMost(WAIT)
        .until(() -> LongStream.of(chats).allMatch(c -> !rig.chats.quotaAnswers(c).isEmpty()));

    // then each job was paid for once, posted once, and refunded exactly when it failed
    int videos = 0;
    int failed = 0;
    for (long chat : chats) {
      String account = rig.chats.describe(chat);
      String job = rig.chats.jobId(chat).orElseThrow();
      List<CreatedTask> tasks = rig.tasksTagged("fault-" + chat);
      assertThat(tasks)
          .as("Ark tasks of chat %d; %s; log:%n%s", chat, account, rig.jobLog(job))
          .hasSize(1);
      boolean succeeded = tasks.get(0).state() == TaskState.SUCCEEDED;
      int[] quota = TelegramChats.userQuota(rig.chats.quotaAnswers(chat).get(0));
      List<String> finals = rig.chats.finalTexts(chat, job);
      if (succeeded) {
        videos++;
        assertThat(rig.chats.videos(chat)).as(account).hasSize(1);
        assertThat(finals).as(account).hasSizeLessThanOrEqualTo(1);
        assertThat(rig.chats.failureTexts(chat, job)).as(account).isEmpty();
        assertThat(quota[0]).as("videos left, " + account).isEqualTo(quota[1] - 1);
        assertThat(quota[2])
            .as("seconds left, " + account)
            .isEqualTo(quota[3] - ChaosRig.RESULT_SECONDS);
      } else {
        failed++;
        assertThat(rig.chats.videos(chat)).as(account).isEmpty();
        assertThat(finals).as(account).hasSize(1);
        assertThat(finals.get(0)).as(account).contains("Your quota was refunded");
        assertThat(quota[0]).as("videos left (refunded), " + account).isEqualTo(quota[1]);
        assertThat(quota[2]).as("seconds left (refunded), " + account).isEqualTo(quota[3]);
      }
    }
    System.out.printf(
        "FaultRateIT seed %d: %d jobs, %d Ark tasks, %d videos, %d failed and refunded;"
            + " faults injected: Ark %d of %d calls, Telegram %d of %d calls%n",
        SEED,
        chats.length,
        rig.ark.createdTasks().size(),
        videos,
        failed,
        arkFaults,
        rig.ark.requests().size(),
        telegramFaults,
        rig.telegram.calls().size());
    assertThat(failed).as("jobs whose task failed at Ark").isEqualTo(FAILING_TASKS);
  }
}
