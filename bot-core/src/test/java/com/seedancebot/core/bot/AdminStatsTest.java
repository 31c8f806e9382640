package com.seedancebot.core.bot;

import static com.seedancebot.core.bot.CommandDesk.GROUP;
import static com.seedancebot.core.bot.CommandDesk.admin;
import static com.seedancebot.core.bot.CommandDesk.member;
import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /admin stats} and {@code /admin jobs} match what was run in the chat. */
class AdminStatsTest {

  private static final UserRef MEMBER = member("1");
  private static final UserRef OTHER = member("2");
  private static final UserRef ADMIN = admin("3");

  @TempDir Path dir;
  private CommandDesk desk;

  @BeforeEach
  void wire() {
    desk = new CommandDesk(dir);
  }

  @Test
  void statsCountJobsSecondsAndTokensByUserAndModelAndFailuresByCause() {
    assertThat(desk.say(ADMIN, GROUP, "/admin stats"))
        .containsExactly("No jobs were asked for in this chat in the last 7 day(s).");
    desk.say(MEMBER, GROUP, "/video a red fox");
    Job succeeded = desk.newestJob(MEMBER);
    desk.say(OTHER, GROUP, "/video a green frog");
    Job failed = desk.newestJob(OTHER);
    desk.dispatcher.tick();
    desk.say(MEMBER, GROUP, "/video a blue whale");
    desk.say(OTHER, ChatRef.of(Platform.TELEGRAM, "-200"), "/video elsewhere");
    desk.provider.succeed(taskOf(succeeded), new byte[] {1, 2, 3}, 7L);
    desk.provider.fail(taskOf(failed), "OutputVideoSensitiveContentDetected");
    desk.clock.advance(Duration.ofSeconds(2));
    desk.tracker.tick();

    List<String> stats = desk.say(ADMIN, GROUP, "/admin stats 30");

    assertThat(stats)
        .containsExactly(
            """
            Usage in this chat over the last 30 day(s):
            • All: 3 jobs, 4 s of video, 1,000 tokens
            By user:
            • user 1 (TELEGRAM:1): 2 jobs, 4 s of video, 1,000 tokens
            • user 2 (TELEGRAM:2): 1 jobs, 0 s of video, 0 tokens
            By model:
            • doubao-seedance-2-0-260128: 3 jobs, 4 s of video, 1,000 tokens
            Failures by cause:
            • content_refused: 1""");
    desk.clock.advance(Duration.ofDays(2));
    assertThat(desk.say(ADMIN, GROUP, "/admin stats 1"))
        .containsExactly("No jobs were asked for in this chat in the last 1 day(s).");
  }

  private String taskOf(Job job) {
    return desk.jobs.find(job.id()).orElseThrow().providerTaskId();
  }

  @Test
  void jobsListsEveryQueuedAndRunningJobInTheChat() {
    assertThat(desk.say(ADMIN, GROUP, "/admin jobs"))
        .containsExactly("No jobs are queued or running in this chat.");
    desk.say(MEMBER, GROUP, "/video a red fox");
    Job first = desk.newestJob(MEMBER);
    desk.clock.advance(Duration.ofSeconds(1));
    desk.say(OTHER, GROUP, "/video a green frog");
    Job second = desk.newestJob(OTHER);
    desk.say(OTHER, ChatRef.of(Platform.TELEGRAM, "-200"), "/video elsewhere");

    assertThat(desk.say(ADMIN, GROUP, "/admin jobs"))
        .containsExactly(
            "Queued and running jobs in this chat (2); cancel one with its button or /cancel <job>:\n• "
                + first.id()
                + " · queued · user 1 (TELEGRAM:1) · a red fox\n• "
                + second.id()
                + " · queued · user 2 (TELEGRAM:2) · a green frog");
    assertThat(desk.chat.cancelButtons.values()).containsExactly(List.of(first.id(), second.id()));
    assertThat(desk.say(MEMBER, GROUP, "/admin jobs"))
        .containsExactly("Sorry, /admin is for admins of this chat only.");
    assertThat(desk.chat.cancelButtons).hasSize(1);

    assertThat(desk.press(ADMIN, GROUP, ButtonAction.CANCEL, second.id())).isNotEmpty();
    assertThat(desk.jobs.find(second.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
  }
}
