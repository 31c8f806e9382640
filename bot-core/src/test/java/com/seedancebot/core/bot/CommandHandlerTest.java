package com.seedancebot.core.bot;

import static com.seedancebot.core.bot.CommandDesk.GROUP;
import static com.seedancebot.core.bot.CommandDesk.REROLL_SEED;
import static com.seedancebot.core.bot.CommandDesk.admin;
import static com.seedancebot.core.bot.CommandDesk.chinese;
import static com.seedancebot.core.bot.CommandDesk.member;
import static com.seedancebot.core.bot.CommandDesk.privateChat;
import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.chat.VideoOptions;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobResult;
import com.seedancebot.core.job.JobState;
import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.request.MediaInput;
import com.seedancebot.core.request.MediaKind;
import com.seedancebot.core.request.MediaRole;
import com.seedancebot.core.request.MediaSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command layer as users meet it: what they type or press, and what the chat shows back. */
class CommandHandlerTest {

  private static final UserRef OWNER = member("1");
  private static final UserRef STRANGER = member("2");
  private static final UserRef ADMIN = admin("3");

  @TempDir Path dir;
  private CommandDesk desk;

  @BeforeEach
  void wire() {
    desk = new CommandDesk(dir);
  }

  private Job video(UserRef user, String text) {
    assertThat(desk.say(user, GROUP, text)).as("no error or note for " + text).isEmpty();
    return desk.newestJob(user);
  }

  private List<String> settingsOf(UserRef viewer) {
    return desk.say(viewer, GROUP, "/settings");
  }

  @Nested
  class Cancel {

    @Test
    void aStrangerCannotCancelSomeoneElsesJobAndItKeepsRunning() {
      Job job = video(OWNER, "/video a red fox in the snow");
      desk.dispatcher.tick();
      desk.provider.set(desk.provider.taskIds().get(0), TaskState.RUNNING);
      desk.clock.advance(Duration.ofSeconds(2));
      desk.tracker.tick();

      List<String> answer = desk.say(STRANGER, GROUP, "/cancel " + job.id());

      assertThat(answer)
          .containsExactly(
              "Only the person who asked for job "
                  + job.id()
                  + ", or an admin of this chat, can cancel it.");
      assertThat(desk.jobs.find(job.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
      assertThat(desk.provider.poll(desk.provider.taskIds()).values())
          .allSatisfy(t -> assertThat(t.state()).isEqualTo(TaskState.RUNNING));
    }

    @Test
    void theOwnerMayCancelTheirJob() {
      Job job = video(OWNER, "/video a red fox in the snow");

      List<String> answer = desk.say(OWNER, GROUP, "/cancel #" + job.id());

      assertThat(answer)
          .containsExactly("Job " + job.id() + " is cancelled and your quota was refunded.");
      assertThat(desk.jobs.find(job.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
    }

    @Test
    void anAdminOfTheChatMayCancelAnyonesJobThere() {
      Job job = video(OWNER, "/video a red fox in the snow");

      List<String> answer = desk.press(ADMIN, GROUP, ButtonAction.CANCEL, job.id());

      assertThat(answer)
          .containsExactly("Job " + job.id() + " is cancelled and your quota was refunded.");
      assertThat(desk.jobs.find(job.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
    }

    @Test
    void cancelProblemsAreHeadedInChineseToo() {
      assertThat(desk.say(chinese(OWNER), GROUP, "/cancel"))
          .singleElement()
          .satisfies(t -> assertThat(t).startsWith("无法取消：\n• ").endsWith("\n没有取消任何任务。"));
    }

    @Test
    void cancelWithoutAJobIdIsHeadedAsACancelProblem() {
      List<String> answer = desk.say(OWNER, GROUP, "/cancel");

      assertThat(answer)
          .containsExactly(
              """
              I can't cancel that:
              • Which job should I cancel? Write /cancel followed by the job id; /jobs lists your jobs.
              Nothing was cancelled.""");
    }
  }

  @Nested
  class History {

    private Job finished(UserRef user, ChatRef where, String prompt) {
      assertThat(desk.say(user, where, "/video " + prompt)).isEmpty();
      Job job = desk.newestJob(user);
      desk.clock.advance(Duration.ofMinutes(1)); // the newest is told by its creation time
      assertThat(
              desk.jobs.markSucceeded(
                  job.id(),
                  new JobResult("video-" + job.id(), null, 1000, 640, 360, 4.0, 7L, 100L),
                  desk.clock.instant()))
          .isTrue();
      return job;
    }

    @Test
    void listsTheCallersVideosHereNewestFirstFiveAPageWithShowAndPageButtons() {
      List<Job> mine = new java.util.ArrayList<>();
      for (int i = 1; i <= 7; i++) {
        mine.add(finished(OWNER, GROUP, "a lantern number " + i));
      }
      finished(STRANGER, GROUP, "a stranger kite");

      List<String> page1 = desk.say(OWNER, GROUP, "/history");
      List<String> page2 = desk.say(OWNER, GROUP, "/history 2");

      assertThat(page1)
          .singleElement()
          .satisfies(
              t ->
                  assertThat(t)
                      .startsWith("Your videos in this chat, newest first (page 1 of 2):")
                      .contains(mine.get(6).id(), mine.get(2).id())
                      .doesNotContain(mine.get(1).id(), "kite"));
      assertThat(desk.chat.buttons.get(page1.get(0)))
          .extracting(b -> b.action() + " " + b.target())
          .containsExactly(
              "SHOW " + mine.get(6).id(),
              "SHOW " + mine.get(5).id(),
              "SHOW " + mine.get(4).id(),
              "SHOW " + mine.get(3).id(),
              "SHOW " + mine.get(2).id(),
              "PAGE 2");
      assertThat(page2.get(0)).contains(mine.get(1).id(), mine.get(0).id());
      assertThat(desk.press(OWNER, GROUP, ButtonAction.PAGE, "2")).isEqualTo(page2);
      assertThat(desk.say(OWNER, GROUP, "/history number 3"))
          .singleElement()
          .satisfies(
              t -> assertThat(t).contains(mine.get(2).id()).doesNotContain(mine.get(3).id()));
    }

    @Test
    void anAdminSeesEveryonesVideosHereAndNobodySeesAnotherChats() {
      Job owners = finished(OWNER, GROUP, "a lantern");
      Job elsewhere = finished(OWNER, CommandDesk.privateChat(OWNER), "a secret");

      assertThat(desk.say(ADMIN, GROUP, "/history"))
          .singleElement()
          .satisfies(
              t ->
                  assertThat(t)
                      .startsWith("Videos in this chat")
                      .contains(owners.id() + " \u2014 a lantern")
                      .contains("by user 1")
                      .doesNotContain(elsewhere.id()));
      assertThat(desk.say(STRANGER, GROUP, "/history"))
          .containsExactly(
              "You have no finished videos in this chat yet. Try /video a red fox running in"
                  + " snow");
      assertThat(desk.say(STRANGER, GROUP, "/show " + owners.id()))
          .containsExactly(
              "I can not show job "
                  + owners.id()
                  + ": there is no such job in this chat that you may see. /history lists your"
                  + " videos here.");
      assertThat(desk.say(ADMIN, GROUP, "/show " + elsewhere.id()).get(0))
          .startsWith("I can not show job " + elsewhere.id());
      assertThat(desk.say(OWNER, GROUP, "/show " + elsewhere.id()).get(0))
          .startsWith("I can not show job " + elsewhere.id());
      assertThat(desk.say(ADMIN, GROUP, "/show " + owners.id()).get(0))
          .startsWith("\ud83c\udf9e Job " + owners.id() + " \u2014 done")
          .contains("Prompt: a lantern", "Asked by user 1", "seed 7", "billed 100 tokens")
          .endsWith("(The video itself is no longer stored.)");
    }
  }

  @Nested
  class Settings {

    @Test
    void inAGroupOnlyAdminsMayChangeThem() {
      List<String> answer = desk.say(OWNER, GROUP, "/settings --ratio 9:16");

      assertThat(answer).containsExactly("Only admins of this chat can change its defaults.");
      assertThat(desk.settings.find(GROUP)).isEmpty();
    }

    @Test
    void goodValuesAreSavedAndShown() {
      List<String> answer = desk.say(ADMIN, GROUP, "/settings --ratio 9:16 --duration 8");

      assertThat(answer)
          .containsExactly(
              """
              Saved.
              Defaults for this chat:
              model (model default) · ratio 9:16 · resolution (model default) · duration 8 · audio (model default)
              Change them with e.g. /settings --model fast --ratio 9:16""");
    }

    @Test
    void badValuesSaveNothingAndEveryProblemIsListed() {
      List<String> answer = desk.say(ADMIN, GROUP, "/settings --duration 99 --ratio 7:5 --res 4k");

      assertThat(answer)
          .containsExactly(
              """
              I can't change the settings:
              • Duration must be between 4 and 15 seconds for Seedance 2.0 (or -1 to let the model choose); you asked for 99.
              • Seedance 2.0 cannot make 7:5 videos. Choose one of: 16:9, 9:16, 1:1, 4:3, 3:4, 21:9, adaptive.
              • Seedance 2.0 does not offer 4k. Choose one of: 480p, 720p, 1080p.
              Nothing was saved. Fix these and send /settings again (/models shows what each model takes).""");
      assertThat(desk.settings.find(GROUP)).isEmpty();
    }

    @Test
    void valuesAreCheckedAgainstTheNewModelTheyComeWith() {
      List<String> answer = desk.say(ADMIN, GROUP, "/settings --model fast --res 1080p");

      assertThat(answer)
          .containsExactly(
              """
              I can't change the settings:
              • Seedance 2.0 Fast does not offer 1080p. Choose one of: 480p, 720p.
              Nothing was saved. Fix these and send /settings again (/models shows what each model takes).""");
      assertThat(desk.settings.find(GROUP)).isEmpty();
    }

    @Test
    void aNewModelThatTheSavedDefaultsDoNotFitIsRefusedWithTheWayOut() {
      desk.say(ADMIN, GROUP, "/settings --duration 15 --audio");

      List<String> refused = desk.say(ADMIN, GROUP, "/settings --model lite");
      List<String> accepted =
          desk.say(ADMIN, GROUP, "/settings --model lite --duration 10 --no-audio");

      assertThat(refused)
          .containsExactly(
              """
              I can't change the settings:
              • Seedance 1.0 Lite T2V cannot use this chat's saved default --duration 15. Change it in the same command, for example: --duration 5
              • Seedance 1.0 Lite T2V cannot use this chat's saved default --audio. Change it in the same command, for example: --no-audio
              Nothing was saved. Fix these and send /settings again (/models shows what each model takes).""");
      assertThat(accepted.get(0))
          .startsWith("Saved.")
          .contains(
              "model lite · ratio (model default) · resolution (model default) · duration 10 · audio false");
    }

    @Test
    void optionsThatCannotBeDefaultsAreHeadedAsASettingsProblem() {
      List<String> answer = desk.say(ADMIN, GROUP, "/settings --seed 4");

      assertThat(answer)
          .containsExactly(
              """
              I can't change the settings:
              • --seed cannot be a chat default. /settings takes --duration, --ratio, --res, --model, --audio, --no-audio.
              Nothing was saved. Fix these and send /settings again (/models shows what each model takes).""");
    }

    @Test
    void problemsAreListedInChinese() {
      List<String> answer = desk.say(chinese(ADMIN), GROUP, "/settings --duration 99 --model nope");

      assertThat(answer).hasSize(1);
      assertThat(answer.get(0))
          .startsWith("无法修改设置：\n• 没有名为“nope”的模型。")
          .endsWith("未保存任何设置。请修正后重新发送 /settings（/models 可查看各模型支持的选项）。");
      assertThat(desk.settings.find(GROUP)).isEmpty();
    }

    @Test
    void aBadDefaultSavedBeforeTheCheckIsLeftOutOfVideosWithANote() {
      desk.settings.merge(GROUP, withDuration(99), 0);

      List<String> answer = desk.say(OWNER, GROUP, "/video a red fox in the snow");

      assertThat(answer)
          .containsExactly(
              "Note: this chat's default --duration 99 does not fit Seedance 2.0, so the model's"
                  + " own default is used. An admin can change it with /settings.");
      Job job = desk.newestJob(OWNER);
      assertThat(job.request().durationSeconds()).isEqualTo(5);
      assertThat(desk.statusOf(job)).startsWith("⏳ Job " + job.id() + " is queued");
    }

    @Test
    void theNoteIsInTheUsersLanguage() {
      desk.settings.merge(GROUP, withDuration(99), 0);

      assertThat(desk.say(chinese(OWNER), GROUP, "/video 雪地里的红狐狸"))
          .containsExactly(
              "注意：本聊天的默认值 --duration 99 不适用于 Seedance 2.0，已改用该模型自己的默认值。管理员可以用 /settings 修改。");
    }

    @Test
    void showingTheDefaultsPointsOutOneTheModelCannotTake() {
      desk.settings.merge(GROUP, withDuration(99), 0);

      assertThat(settingsOf(OWNER))
          .containsExactly(
              """
              Defaults for this chat:
              model (model default) · ratio (model default) · resolution (model default) · duration 99 · audio (model default)
              Change them with e.g. /settings --model fast --ratio 9:16
              Note: this chat's default --duration 99 does not fit Seedance 2.0, so the model's own default is used. An admin can change it with /settings.""");
    }

    private VideoOptions withDuration(int seconds) {
      return new VideoOptions(
          seconds, null, null, null, null, null, false, false, List.of(), false, false);
    }
  }

  @Nested
  class Buttons {

    @Test
    void rerollMakesTheSameRequestWithANewSeed() {
      Job first = video(OWNER, "/video a red fox in the snow --seed 5 --duration 6 --ratio 9:16");

      desk.clock.advance(Duration.ofMinutes(1));
      List<String> answer = desk.press(OWNER, GROUP, ButtonAction.REROLL, first.id());

      Job second = desk.newestJob(OWNER);
      assertThat(answer).isEmpty();
      assertThat(second.id()).isNotEqualTo(first.id());
      assertThat(second.request()).isEqualTo(first.request().withSeed(REROLL_SEED));
      assertThat(desk.statusOf(second)).startsWith("⏳ Job " + second.id() + " is queued");
    }

    @Test
    void continueStartsANewJobFromTheLastFrame() {
      Job first = video(OWNER, "/video a red fox in the snow --duration 6 --ratio 9:16");
      desk.dispatcher.tick();
      desk.provider.succeedWithLastFrame(
          desk.provider.taskIds().get(0), new byte[] {1, 2, 3}, 7L, new byte[] {9, 9});
      desk.clock.advance(Duration.ofSeconds(2));
      desk.tracker.tick();
      String frame = desk.jobs.find(first.id()).orElseThrow().result().lastFrameAssetId();

      List<String> answer = desk.press(OWNER, GROUP, ButtonAction.CONTINUE, first.id());

      Job next = desk.newestJob(OWNER);
      assertThat(answer).isEmpty();
      assertThat(next.id()).isNotEqualTo(first.id());
      assertThat(next.request().prompt()).isEqualTo("a red fox in the snow");
      assertThat(next.request().durationSeconds()).isEqualTo(6);
      assertThat(next.request().ratio()).isEqualTo("9:16");
      assertThat(next.request().media())
          .extracting(MediaInput::role, MediaInput::kind, MediaInput::source)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  MediaRole.FIRST_FRAME, MediaKind.IMAGE, new MediaSource.Stored(frame)));
      assertThat(desk.statusOf(next)).startsWith("⏳ Job " + next.id() + " is queued");
    }

    @Test
    void continueWithoutALastFrameSaysSo() {
      Job first = video(OWNER, "/video a red fox in the snow");

      assertThat(desk.press(OWNER, GROUP, ButtonAction.CONTINUE, first.id()))
          .containsExactly("Job " + first.id() + " has no last frame to continue from.");
    }
  }

  @Nested
  class LowDisk {

    @Test
    void aNewVideoIsRefusedWithAClearMessageAndNothingIsQueued() {
      desk.freeBytes.set(CommandDesk.MIN_FREE_BYTES - 1);

      List<String> answer = desk.say(OWNER, GROUP, "/video a red fox in the snow");

      assertThat(answer)
          .containsExactly(
              "I cannot take new videos right now: this bot is running out of storage space."
                  + " Nothing was charged; please try again later.");
      assertThat(desk.jobs.findRecentByOwner(OWNER, 5)).isEmpty();
    }

    @Test
    void rerollIsRefusedInChineseForAChineseUserAndWorksAgainOnceSpaceIsFreed() {
      Job first = video(OWNER, "/video a red fox in the snow");
      desk.freeBytes.set(1024);

      assertThat(desk.press(chinese(OWNER), GROUP, ButtonAction.REROLL, first.id()))
          .containsExactly("机器人的存储空间即将用尽，暂时无法接受新的视频任务。未扣除配额，请稍后再试。");
      assertThat(desk.newestJob(OWNER).id()).isEqualTo(first.id());

      desk.freeBytes.set(CommandDesk.MIN_FREE_BYTES);
      desk.clock.advance(Duration.ofMinutes(1)); // the newest job is told by its creation time
      assertThat(desk.press(OWNER, GROUP, ButtonAction.REROLL, first.id())).isEmpty();
      assertThat(desk.newestJob(OWNER).id()).isNotEqualTo(first.id());
    }
  }

  @Nested
  class UnknownCommands {

    @Test
    void anUnknownCommandInPrivateGetsPointedToHelp() {
      assertThat(desk.say(OWNER, privateChat(OWNER), "/imagine a cat"))
          .containsExactly("I don't know /imagine — try /help.");
    }

    @Test
    void aCommandCloseToAKnownOneGetsASuggestion() {
      assertThat(desk.say(OWNER, privateChat(OWNER), "/vidoe a cat"))
          .containsExactly(
              "I don't know /vidoe — did you mean /video? /help lists everything I can do.");
      assertThat(desk.say(chinese(OWNER), privateChat(OWNER), "/setting --ratio 9:16"))
          .containsExactly("我不认识 /setting 这个命令——你是想用 /settings 吗？/help 列出了所有命令。");
    }

    @Test
    void anUnknownCommandInAGroupIsLeftToOtherBots() {
      assertThat(desk.say(OWNER, GROUP, "/imagine a cat")).isEmpty();
    }
  }
}
