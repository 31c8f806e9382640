package com.seedancebot.app.blackbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seedancebot.core.provider.TaskState;
import com.seedancebot.telegram.fake.FakeTelegramBotApi.CompletedCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged bot killed with SIGKILL 20 times while eight jobs go through it, each time at
 * another moment of their lives (a create in flight whose answer Ark holds back, tasks running, a
 * result download in flight, an upload in flight, a status edit in flight, right after a restart),
 * and started again on the same data each time. In the end every job has ended, Ark made one task
 * per job, and every user has one video; a second one is only accepted inside the documented window
 * (Telegram took the upload before the kill, the killed run never recorded it).
 */
class KillNineIT {

  /** Kills in one run ({@code -Dchaos.kills=N} for more); each costs a start of the jar. */
  private static final int KILLS = Integer.getInteger("chaos.kills", 20);

  private static final long[] CHATS = LongStream.rangeClosed(3001, 3008).toArray();
  private static final Duration SLOW = Duration.ofMillis(2000);

  /** How long a kill waits for its planned moment, then for any moment with work in flight. */
  private static final Duration MOMENT_WAIT = Duration.ofSeconds(4);

  private static final Duration ANY_MOMENT_WAIT = Duration.ofSeconds(1);
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final String TASKS = "/contents/generations/tasks";

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

  /**
   * A moment in a job's life to kill the bot at. Each kill aims at the one hit least so far; every
   * sixth kill comes right after a restart, while the bot takes up the work it had in flight.
   */
  private enum Moment {
    CREATE_IN_FLIGHT(r -> r.ark.inProgress("POST", TASKS) > 0),
    TASK_RUNNING(r -> r.ark.createdTasks().stream().anyMatch(t -> t.state() == TaskState.RUNNING)),
    DOWNLOAD_IN_FLIGHT(r -> r.ark.resultHost().inProgress() > 0),
    UPLOAD_IN_FLIGHT(r -> r.telegram.arriving("sendVideo") > 0),
    STATUS_EDIT_IN_FLIGHT(r -> r.telegram.arriving("editMessageText") > 0),
    RIGHT_AFTER_RESTART(r -> true);

    final Predicate<ChaosRig> reached;

    Moment(Predicate<ChaosRig> reached) {
      this.reached = reached;
    }
  }

  /** One kill: what was planned, what was in flight, when, and the killed run's log. */
  private record Kill(
      int number,
      Moment planned,
      Set<Moment> hit,
      String inFlight,
      Instant at,
      Duration sinceStart,
      Path log) {}

  @Test
  void everyJobEndsPaidOnceAndPostedOnceThroughTwentyKills() throws Exception {
    // given Ark answering creates late, slow result downloads, slow uploads and status edits
    rig =
        ChaosRig.start(
            work,
            Duration.ofSeconds(2),
            (builder, telegram, ark) -> {
              ark.slowCreateAnswers(SLOW);
              ark.resultHost().setDelay(Duration.ofSeconds(1));
              telegram.slow("sendVideo", SLOW);
              telegram.slow("editMessageText", Duration.ofMillis(800));
              return builder;
            });

    // when eight users ask for videos, one every third kill, and the bot is killed 20 times
    List<Kill> kills = new ArrayList<>();
    int asked = 0;
    for (int i = 0; i < KILLS; i++) {
      Instant started = Instant.now();
      if (asked < CHATS.length && i % 3 == 0) {
        ask(CHATS[asked++]);
      }
      Moment moment = i % 6 == 5 ? Moment.RIGHT_AFTER_RESTART : leastHit(kills);
      if (!reached(moment, MOMENT_WAIT)) {
        reached(EnumSet.complementOf(EnumSet.of(Moment.RIGHT_AFTER_RESTART)), ANY_MOMENT_WAIT);
      }
      Set<Moment> hit = hit();
      if (moment == Moment.RIGHT_AFTER_RESTART) {
        hit.add(moment);
      }
      String inFlight = inFlight();
      rig.telegram.dropConnections(); // the kill closes every connection the bot has open
      rig.bot.kill();
      Instant at = Instant.now();
      kills.add(
          new Kill(
              i + 1, moment, hit, inFlight, at, Duration.between(started, at), rig.bot.logFile()));
      rig.bot.restart();
    }
    while (asked < CHATS.length) {
      ask(CHATS[asked++]);
    }

    // then every job ends and its delivery is recorded
    await()
        .atMost(WAIT)
        .until(() -> LongStream.of(CHATS).allMatch(rig.chats::ended) && allDeliveriesLogged());

    List<String> lost = new ArrayList<>();
    List<String> extraTasks = new ArrayList<>();
    List<String> windowDuplicates = new ArrayList<>();
    List<String> duplicates = new ArrayList<>();
    int videos = 0;
    int failed = 0;
    for (long chat : CHATS) {
      String job = rig.chats.jobId(chat).orElseThrow();
      int tasks = rig.tasksTagged("kill-" + chat).size();
      if (tasks != 1) {
        extraTasks.add(chat + ": " + tasks + " Ark tasks");
      }
      if (!rig.chats.ended(chat)) {
        lost.add(rig.chats.describe(chat));
      }
      if (!rig.chats.failureTexts(chat, job).isEmpty()) {
        failed++;
      }
      List<CompletedCall> posted = rig.chats.videos(chat);
      videos += posted.size();
      for (CompletedCall again : posted.subList(Math.min(1, posted.size()), posted.size())) {
        String why = duplicateWindow(job, posted.get(0), kills);
        String line = chat + " job " + job + ": again at " + again.at() + " — " + why;
        (why.startsWith("window") ? windowDuplicates : duplicates).add(line);
      }
    }
    System.out.printf(
        "KillNineIT: %d kills, %d jobs, %d Ark tasks, %d videos, %d failed, lost %d,"
            + " duplicate tasks %d, duplicate videos %d in the window + %d outside%n",
        kills.size(),
        CHATS.length,
        rig.ark.createdTasks().size(),
        videos,
        failed,
        lost.size(),
        extraTasks.size(),
        windowDuplicates.size(),
        duplicates.size());
    kills.forEach(
        k ->
            System.out.printf(
                "  kill %2d (aimed at %s, %d ms after the bot was up): %s%n",
                k.number(), k.planned(), k.sinceStart().toMillis(), k.inFlight()));
    windowDuplicates.forEach(d -> System.out.println("  window duplicate: " + d));
    String account = LongStream.of(CHATS).mapToObj(rig.chats::describe).collect(joinLines());
    System.out.println("  logs in " + work);
    assertThat(lost).as("jobs never ended%n%s", account).isEmpty();
    assertThat(extraTasks).as("jobs with other than one Ark task").isEmpty();
    assertThat(duplicates).as("videos posted twice outside the window").isEmpty();
    assertThat(kills).hasSizeGreaterThanOrEqualTo(20);
    assertThat(kills.stream().flatMap(k -> k.hit().stream()).collect(Collectors.toSet()))
        .as("moments the kills landed at")
        .containsAll(EnumSet.allOf(Moment.class));
  }

  /** The user of {@code chat} asks for a video; returns once the bot has taken the job. */
  private void ask(long chat) {
    rig.chats.say(chat, "/video a kite over the dunes, kill-" + chat + " --duration 4");
    await().atMost(WAIT).until(() -> rig.chats.jobId(chat).isPresent());
  }

  /** The moment (work in flight) the kills have landed at least often so far. */
  private static Moment leastHit(List<Kill> kills) {
    return EnumSet.complementOf(EnumSet.of(Moment.RIGHT_AFTER_RESTART)).stream()
        .min(Comparator.comparingLong(m -> kills.stream().filter(k -> k.hit().contains(m)).count()))
        .orElseThrow();
  }

  private boolean reached(Moment moment, Duration wait) {
    return reached(EnumSet.of(moment), wait);
  }

  /** Waits until one of the moments is reached; false when none was within {@code wait}. */
  private boolean reached(Set<Moment> moments, Duration wait) {
    try {
      await()
          .atMost(wait)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> moments.stream().anyMatch(m -> m.reached.test(rig)));
      return true;
    } catch (ConditionTimeoutException notThisTime) {
      return false; // kill anyway: the record says what was in flight instead
    }
  }

  /** The moments reached right now. */
  private Set<Moment> hit() {
    Set<Moment> hit = EnumSet.noneOf(Moment.class);
    for (Moment m : Moment.values()) {
      if (m != Moment.RIGHT_AFTER_RESTART && m.reached.test(rig)) {
        hit.add(m);
      }
    }
    return hit;
  }

  private String inFlight() {
    long queued =
        rig.ark.createdTasks().stream().filter(t -> t.state() == TaskState.QUEUED).count();
    long running =
        rig.ark.createdTasks().stream().filter(t -> t.state() == TaskState.RUNNING).count();
    return String.format(
        "creates=%d downloads=%d uploads=%d edits=%d; Ark tasks queued=%d running=%d",
        rig.ark.inProgress("POST", TASKS),
        rig.ark.resultHost().inProgress(),
        rig.telegram.arriving("sendVideo"),
        rig.telegram.arriving("editMessageText"),
        queued,
        running);
  }

  /**
   * Whether a second video of {@code job} is inside the documented window: Telegram took the first
   * upload before a kill, and the run killed then never recorded it.
   */
  private static String duplicateWindow(String job, CompletedCall first, List<Kill> kills) {
    for (Kill k : kills) {
      if (k.at().isAfter(first.at())) {
        boolean recorded = read(k.log()).contains("Job " + job + " delivered");
        return recorded
            ? "NOT the window: kill "
                + k.number()
                + " came after the first upload, which its run had recorded"
            : "window: Telegram took the first upload at "
                + first.at()
                + ", kill "
                + k.number()
                + " came "
                + Duration.between(first.at(), k.at()).toMillis()
                + " ms later, before its run recorded it";
      }
    }
    return "NOT the window: no kill after the first upload";
  }

  private boolean allDeliveriesLogged() throws IOException {
    String logs;
    try (var files = Files.list(work)) {
      logs =
          files
              .filter(f -> f.getFileName().toString().matches("bot-\\d+\\.log"))
              .map(KillNineIT::read)
              .collect(Collectors.joining());
    }
    return LongStream.of(CHATS)
        .allMatch(c -> logs.contains("Job " + rig.chats.jobId(c).orElseThrow() + " delivered"));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joinLines() {
    return Collectors.joining("\n");
  }
}
