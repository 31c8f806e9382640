package com.seedancebot.core.bot;

import static com.seedancebot.core.bot.CommandDesk.member;
import static com.seedancebot.core.bot.CommandDesk.privateChat;
import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.asset.JdbcRetainedFiles;
import com.seedancebot.core.asset.Retention;
import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.delivery.ChatButton;
import com.seedancebot.core.delivery.VideoDelivery;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobState;
import com.seedancebot.core.provider.fake.SampleMedia;
import com.seedancebot.core.request.MediaRole;
import com.seedancebot.core.request.MediaSource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storyboard as its owner steers it, on the command layer over H2 and a scripted provider: {@code
 * /cancel} with any id the owner was shown stops it as the Cancel button does; its joined video's
 * buttons act on the storyboard; {@code /show} of the storyboard lists its scenes with a Show
 * button each; {@code /quota} counts every scene while they are to come and only the scenes made
 * once it ended.
 */
class StoryboardControlsTest {

  private static final UserRef OWNER = member("7");
  private static final ChatRef CHAT = privateChat(OWNER);
  private static final byte[] CLIP = SampleMedia.mp4();

  @TempDir java.nio.file.Path dir;
  private CommandDesk desk;

  @BeforeEach
  void wire() {
    desk = new CommandDesk(dir);
  }

  @Test
  void cancelWithTheFirstScenesJobStopsTheSceneRunningAndRefundsTheRest() {
    // given a storyboard of three 5 s scenes, all reserved up front
    assertThat(quota()).contains("10 of 10 videos left, 100 of 100 s left");
    Job first =
        story("/story a ship sets sail | a storm rises | the ship reaches land --duration 5");
    assertThat(quota()).contains("7 of 10 videos left, 85 of 100 s left");
    // and its first scene made, the second running
    finishScene(first);
    Job second = scene(2);
    desk.dispatcher.tick();

    // when the owner cancels with the job id the first status showed
    List<String> answer = desk.say(OWNER, CHAT, "/cancel " + first.id());
    desk.pipeline.delivery().tick();
    desk.pipeline.delivery().tick();

    // then the running scene is cancelled, and the storyboard ends with the first scene posted
    assertThat(answer).singleElement().asString().contains("is cancelled");
    assertThat(desk.jobs.find(second.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
    assertThat(desk.chat.videos).hasSize(1);
    assertThat(desk.chat.videos.get(0).caption()).contains("1 scenes");
    // and only the scene made counts, at its real length (4 s)
    assertThat(quota()).contains("9 of 10 videos left, 96 of 100 s left");
    // and no third scene was ever made
    desk.dispatcher.tick();
    assertThat(desk.provider.taskIds().size()).isEqualTo(2);
  }

  @Test
  void cancelBetweenTwoScenesLetsTheFinishedSceneEndTheStoryboard() {
    // given a storyboard whose first scene is made but not yet delivered
    Job first = story("/story a ship sets sail | a storm rises --duration 5");
    desk.dispatcher.tick();
    String task = desk.jobs.find(first.id()).orElseThrow().providerTaskId();
    desk.provider.succeedWithLastFrame(task, CLIP, 7L, new byte[] {9, 9});
    desk.clock.advance(Duration.ofSeconds(2));
    desk.tracker.tick();

    // when the owner cancels the second scene, which was never queued, by its storyboard's id
    List<String> answer = desk.say(OWNER, CHAT, "/cancel " + first.scene().storyId());
    desk.pipeline.delivery().tick();
    desk.dispatcher.tick();

    // then no second scene starts, and the first is posted as the storyboard's video
    assertThat(answer).singleElement().asString().contains("is cancelled");
    assertThat(desk.provider.taskIds()).hasSize(1);
    assertThat(desk.chat.videos)
        .singleElement()
        .satisfies(v -> assertThat(v.jobId()).isEqualTo(first.scene().storyId()));
    assertThat(quota()).contains("9 of 10 videos left, 96 of 100 s left");
    // and cancelling it again says it has finished
    assertThat(desk.say(OWNER, CHAT, "/cancel " + first.id()))
        .singleElement()
        .asString()
        .contains("has already finished");
  }

  @Test
  void theJoinedVideosButtonsActOnTheStoryboardAndItsCardShowsEveryScene() {
    // given a storyboard of two scenes, made and joined
    Job first = story("/story a knight rides out | the gate opens --duration 5");
    finishScene(first);
    finishScene(scene(2));
    VideoDelivery video = desk.chat.videos.get(0);
    String storyId = first.scene().storyId();

    // then the joined video is the storyboard's, without a Final button
    assertThat(video.jobId()).isEqualTo(storyId);
    assertThat(video.buttons())
        .containsExactly(
            ButtonAction.REROLL, ButtonAction.CONTINUE, ButtonAction.EDIT, ButtonAction.EXTEND);
    assertThat(video.caption()).contains("Storyboard " + storyId).contains("2 scenes");

    // when the owner shows the storyboard, its card lists both scenes with a Show button each
    List<String> shown = desk.say(OWNER, CHAT, "/show " + storyId);
    String card = shown.get(0);
    assertThat(card).contains("Storyboard " + storyId).contains("a knight rides out");
    assertThat(desk.chat.buttons.get(card))
        .extracting(ChatButton::action, ChatButton::target)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ButtonAction.SHOW, first.id()),
            org.assertj.core.groups.Tuple.tuple(ButtonAction.SHOW, scene(2).id()));
    assertThat(desk.chat.videos).hasSize(2);
    assertThat(desk.chat.videos.get(1).jobId()).isEqualTo(storyId);

    // when the owner presses Continue under the joined video
    desk.clock.advance(Duration.ofSeconds(1));
    assertThat(desk.press(OWNER, CHAT, ButtonAction.CONTINUE, storyId)).isEmpty();
    Job next = desk.newestJob(OWNER);
    // then the new job starts from the joined video's last frame
    assertThat(next.scene()).isNull();
    assertThat(next.request().media())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.role()).isEqualTo(MediaRole.FIRST_FRAME);
              assertThat(((MediaSource.Stored) m.source()).assetId())
                  .isEqualTo(
                      desk.jobs.find(scene(2).id()).orElseThrow().result().lastFrameAssetId());
            });

    // when the owner presses Reroll under the joined video
    desk.clock.advance(Duration.ofSeconds(1));
    assertThat(desk.press(OWNER, CHAT, ButtonAction.REROLL, storyId)).isEmpty();
    Job rerolled = desk.newestJob(OWNER);
    // then the whole storyboard is made again, as a new storyboard, with a new seed
    assertThat(rerolled.scene()).isNotNull();
    assertThat(rerolled.scene().storyId()).isNotEqualTo(storyId);
    assertThat(rerolled.scene().count()).isEqualTo(2);
    assertThat(rerolled.request().prompt()).isEqualTo("a knight rides out");
    assertThat(rerolled.request().seed()).isEqualTo(CommandDesk.REROLL_SEED);
  }

  @Test
  void theReservationMessageShowsTheWholeStoryboardsEstimate() {
    Job first = story("/story a knight rides out | the gate opens | he enters --duration 5");

    assertThat(desk.statusOf(first))
        .startsWith("🎞 Scene 1 of 3 · storyboard " + first.scene().storyId())
        .contains("Whole storyboard: 15 s, about");
  }

  @Test
  void oldEditAndExtendQuestionsAreSweptByTheRetention() throws Exception {
    InstructionPrompts prompts = new InstructionPrompts(desk.db);
    prompts.remember(
        CHAT, "q1", new InstructionPrompts.Prompt("abcdef", false), desk.clock.instant());
    desk.clock.advance(Duration.ofDays(8));
    prompts.remember(
        CHAT, "q2", new InstructionPrompts.Prompt("abcdef", true), desk.clock.instant());
    Retention retention =
        new Retention(
            desk.assets,
            new JdbcRetainedFiles(desk.db),
            List.of(prompts),
            Duration.ofDays(7),
            desk.clock);

    assertThat(retention.run()).containsEntry("instruction prompts", 1);
    assertThat(prompts.find(CHAT, "q1")).isEmpty();
    assertThat(prompts.find(CHAT, "q2")).isPresent();
  }

  // ---- helpers

  private Job story(String command) {
    assertThat(desk.say(OWNER, CHAT, command)).isEmpty();
    return desk.newestJob(OWNER);
  }

  /** The job of scene {@code n} of the owner's newest storyboard. */
  private Job scene(int n) {
    return desk.jobs.findRecentByOwner(OWNER, 10).stream()
        .filter(j -> j.scene() != null && j.scene().index() == n)
        .findFirst()
        .orElseThrow();
  }

  /** Submits the scene, lets the provider make it with a last frame and delivers it. */
  private void finishScene(Job scene) {
    desk.dispatcher.tick();
    String task = desk.jobs.find(scene.id()).orElseThrow().providerTaskId();
    desk.provider.succeedWithLastFrame(task, CLIP, 7L, new byte[] {9, 9});
    desk.clock.advance(Duration.ofSeconds(2));
    desk.tracker.tick();
    desk.pipeline.delivery().tick();
    desk.pipeline.delivery().tick();
  }

  private String quota() {
    return String.join("\n", desk.say(OWNER, CHAT, "/quota"));
  }
}
