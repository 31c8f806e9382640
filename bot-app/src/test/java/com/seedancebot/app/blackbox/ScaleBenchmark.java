package com.seedancebot.app.blackbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale-out measurement of docs/SCALING.md, not a test: the same workload on 1 and on 3
 * packaged bots ({@link ScaleWorld}: one PostgreSQL, one S3-compatible store, Telegram's webhook
 * behind a round-robin balancer, the fake Ark). Per run: videos per second from the first command
 * to the last video, Ark API requests per job and polls (GET) per second, duplicates (Ark tasks and
 * videos beyond one per command), and with several instances the time until the jobs a killed
 * instance held are claimed by another. Prints one line per run, then the medians as a Markdown
 * table (also written to {@code target/scale-benchmark.md}). Its name matches neither {@code *Test}
 * nor {@code *IT}, so a build never runs it; run it with failsafe as docs/SCALING.md shows. Knobs
 * (system properties): {@code scale.runs} (3), {@code scale.jobs} (60), {@code scale.instances}
 * ({@code 1,3}), {@code scale.arkLimit} (tasks Ark runs at once, 20), {@code scale.arkStepMs}
 * (500), {@code scale.lease} ({@code BOT_PIPELINE_LEASE_TIME}, 60s: the default), {@code
 * scale.pollInterval} ({@code BOT_POLL_INTERVAL}, 3s: the default).
 */
class ScaleBenchmark {

  private static final int RUNS = Integer.getInteger("scale.runs", 3);
  private static final int JOBS = Integer.getInteger("scale.jobs", 60);
  private static final int USERS = 10;
  private static final int ARK_LIMIT = Integer.getInteger("scale.arkLimit", 20);
  private static final Duration ARK_STEP =
      Duration.ofMillis(Integer.getInteger("scale.arkStepMs", 500));
  private static final String LEASE = System.getProperty("scale.lease", "60s");
  private static final String POLL_INTERVAL = System.getProperty("scale.pollInterval", "3s");
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final int TAKEOVER_JOBS = 20;

  @TempDir Path work;

  /** One run's figures; takeover is null with one instance. */
  record Run(
      int instances,
      double videosPerSecond,
      double arkRequestsPerJob,
      double arkPollsPerSecond,
      int duplicateTasks,
      int duplicateVideos,
      Duration takeover) {}

  @Test
  void measure() throws Exception {
    List<Integer> sizes =
        Arrays.stream(System.getProperty("scale.instances", "1,3").split(","))
            .map(s -> Integer.parseInt(s.strip()))
            .toList();
    List<Run> runs = new ArrayList<>();
    for (int run = 1; run <= RUNS; run++) {
      for (int instances : sizes) {
        Run r = run(work.resolve("run-" + run + "-" + instances), instances, run);
        System.out.println("ScaleBenchmark run " + run + ": " + r);
        runs.add(r);
      }
    }
    String table = table(runs, sizes);
    System.out.println(table);
    Files.writeString(Path.of("target", "scale-benchmark.md"), table);
  }

  private static Run run(Path dir, int instances, int run) throws Exception {
    try (ScaleWorld world =
        ScaleWorld.start(
            Files.createDirectories(dir),
            instances,
            ARK_STEP,
            bot ->
                bot.env("SEEDANCE_MAX_CONCURRENT_TASKS", Integer.toString(ARK_LIMIT))
                    .env("BOT_QUOTA_USER_JOBS_PER_DAY", "1000")
                    .env("BOT_PIPELINE_LEASE_TIME", LEASE)
                    .env("BOT_POLL_INTERVAL", POLL_INTERVAL))) {
      world.ark.clearRecords();
      long start = System.nanoTime();
      for (int j = 0; j < JOBS; j++) {
        long chat = 60_000L + run * 100 + j % USERS;
        world.say(chat, "/video bench" + j + "x a paper boat on a river");
      }
      await(() -> world.telegram.completedCalls("sendVideo").size() >= JOBS, world);
      double seconds = (System.nanoTime() - start) / 1e9;
      double perJob = (double) world.ark.requests().size() / JOBS;
      double pollsPerSecond = world.ark.requests("GET", "tasks").size() / seconds;
      Duration takeover = instances > 1 ? takeover(world, run) : null;
      Thread.sleep(1000); // a late duplicate would show by now
      int expected = JOBS + (takeover == null ? 0 : TAKEOVER_JOBS);
      return new Run(
          instances,
          JOBS / seconds,
          perJob,
          pollsPerSecond,
          world.ark.createdTasks().size() - expected,
          world.telegram.completedCalls("sendVideo").size() - expected,
          takeover);
    }
  }

  /**
   * Sends more jobs, kills the first instance seen holding some of them (instances sharing the
   * database split the work unevenly: the one that polls first after each step of the poll grid
   * collects what it found), and measures until every job it held was claimed by another instance
   * (or finished); then waits for every video. Their uploads are held at Telegram until the kill
   * and those in flight dropped with it, so the kill never lands in the one window README.md
   * documents (an upload gone through, not yet recorded), which would post a video twice.
   */
  private static Duration takeover(ScaleWorld world, int run) throws Exception {
    Thread.sleep(1000); // the first videos' uploads are recorded
    for (int j = 0; j < TAKEOVER_JOBS; j++) {
      world.telegram.hold("sendVideo", 70_000L + run * 100 + j % USERS);
    }
    for (int j = 0; j < TAKEOVER_JOBS; j++) {
      long chat = 70_000L + run * 100 + j % USERS;
      world.say(chat, "/video late" + j + "x a lighthouse at dusk");
    }
    List<String> owner = new ArrayList<>(List.of(""));
    List<List<String>> held = new ArrayList<>(List.of(List.of()));
    await(
        () -> {
          Optional<String> holder = holder(world);
          holder.ifPresent(
              o -> {
                owner.set(0, o);
                held.set(0, held(world, o));
              });
          return !held.get(0).isEmpty();
        },
        world);
    world.cluster.kill(Integer.parseInt(owner.get(0).substring("bot-".length())));
    long killed = System.nanoTime();
    world.telegram.dropConnections();
    world.telegram.release();
    List<String> jobs = held.get(0);
    await(() -> stillHeld(world, owner.get(0), jobs) == 0, world);
    Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
    await(() -> world.telegram.completedCalls("sendVideo").size() >= JOBS + TAKEOVER_JOBS, world);
    return takeover;
  }

  /** An instance holding a lease on some job now, if any. */
  private static Optional<String> holder(ScaleWorld world) {
    return world
        .sql()
        .sql("SELECT lease_owner FROM job WHERE lease_owner IS NOT NULL AND lease_until > ?")
        .param(System.currentTimeMillis())
        .query(String.class)
        .list()
        .stream()
        .findFirst();
  }

  private static List<String> held(ScaleWorld world, String owner) {
    return world
        .sql()
        .sql("SELECT id FROM job WHERE lease_owner = ? AND lease_until > ?")
        .params(owner, System.currentTimeMillis())
        .query(String.class)
        .list();
  }

  private static int stillHeld(ScaleWorld world, String owner, List<String> jobs) {
    return (int)
        jobs.stream()
            .filter(
                id ->
                    world
                            .sql()
                            .sql("SELECT COUNT(*) FROM job WHERE id = ? AND lease_owner = ?")
                            .params(id, owner)
                            .query(Integer.class)
                            .single()
                        > 0)
            .count();
  }

  private static void await(BooleanSupplier condition, ScaleWorld world)
      throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the run did not finish in " + TIMEOUT + world.cluster.tails());
      }
      Thread.sleep(50);
    }
  }

  /** The medians per number of instances, as a Markdown table with the run's settings. */
  private static String table(List<Run> runs, List<Integer> sizes) {
    StringBuilder t = new StringBuilder();
    t.append(
        String.format(
            Locale.ROOT,
            "%d jobs from %d users, Ark: %d tasks at once, a step every %d ms; lease %s, poll"
                + " interval %s; medians of %d runs%n%n",
            JOBS,
            USERS,
            ARK_LIMIT,
            ARK_STEP.toMillis(),
            LEASE,
            POLL_INTERVAL,
            RUNS));
    t.append(
        "| instances | videos/s | Ark requests per job | Ark polls per second |"
            + " duplicate tasks | duplicate videos | takeover |\n");
    t.append("|---|---|---|---|---|---|---|\n");
    for (int size : sizes) {
      List<Run> of = runs.stream().filter(r -> r.instances() == size).toList();
      List<Duration> takeovers =
          of.stream().map(Run::takeover).filter(java.util.Objects::nonNull).toList();
      t.append(
          String.format(
              Locale.ROOT,
              "| %d | %.2f | %.2f | %.2f | %d | %d | %s |%n",
              size,
              median(of.stream().map(Run::videosPerSecond).toList()),
              median(of.stream().map(Run::arkRequestsPerJob).toList()),
              median(of.stream().map(Run::arkPollsPerSecond).toList()),
              of.stream().mapToInt(Run::duplicateTasks).sum(),
              of.stream().mapToInt(Run::duplicateVideos).sum(),
              takeovers.isEmpty()
                  ? "–"
                  : String.format(
                      Locale.ROOT,
                      "%.1f s",
                      median(takeovers.stream().map(d -> d.toMillis() / 1000.0).toList()))));
    }
    return t.toString();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
