package com.seedancebot.core.bench;

import com.seedancebot.core.pipeline.PipelineSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Benchmark of the staged pipeline running as the app runs it ({@code Pipeline.start()}, pooled
 * workers, real clock), against the fake Ark through the real Ark client. Scenarios (arguments, in
 * any order; default all): {@code latency} — 10,000 tracked jobs with callbacks, 100 successes a
 * second for 10 s, success → delivery start; {@code throughput} — every job succeeds at once-ish
 * (1,000 a second), finished videos per second from success to {@code delivered_at}, on each
 * database of {@code bench.dbs}; {@code isolation} — 10 chats, every upload into one of them hangs
 * 60 s, paired with the same run without the hang; {@code large} — one 50 MiB result, streamed from
 * the fake and read through by the chat port, heap halfway through both. Each scenario runs {@code
 * bench.runs} times (default 3) and the medians are printed as Markdown. Not a test: run it with
 * the command in {@code docs/BENCHMARK.md}, in a JVM of its own ({@code exec:exec}) so that the
 * heap figures are the benchmark's.
 *
 * <p>System properties: {@code bench.runs} (3), {@code bench.tickMs} (stage tick, 250 as in
 * production), {@code bench.pollMs} (base poll interval, 3000 as in production), {@code bench.jobs}
 * (latency: tracked jobs, 10000), {@code bench.tputJobs} (2000), {@code bench.tputRate} (successes
 * per second, 1000), {@code bench.dbs} ({@code h2,postgres}), {@code bench.isoJobs} (1000), {@code
 * bench.isoRate} (100), {@code bench.hangSeconds} (60), {@code bench.resultMiB} (50).
 */
public final class StagedBenchmark {

  private StagedBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("log.level", "warn"); // read by logback-test.xml
    System.setProperty("log.flyway.level", "error");
    List<String> scenarios =
        args.length == 0 ? List.of("latency", "throughput", "isolation", "large") : List.of(args);
    int runs = Integer.getInteger("bench.runs", 3);
    PipelineSettings pipeline =
        settings(Duration.ofMillis(Integer.getInteger("bench.tickMs", 250)));
    Duration poll = Duration.ofMillis(Integer.getInteger("bench.pollMs", 3000));
    System.out.printf(
        Locale.ROOT,
        "staged pipeline: tick %d ms, poll interval %d ms, workers submit %d poll %d collect %d"
            + " deliver %d status %d (per platform %d), %d run(s) per scenario, %d CPUs, max heap"
            + " %d MiB, load %.2f%n",
        pipeline.tickInterval().toMillis(),
        poll.toMillis(),
        pipeline.submitWorkers(),
        pipeline.pollWorkers(),
        pipeline.collectWorkers(),
        pipeline.deliverWorkers(),
        pipeline.statusWorkers(),
        pipeline.perPlatform(),
        runs,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        Benchmarks.loadAverage());
    Scenarios s = new Scenarios(pipeline, poll);
    System.out.println("warm-up (not reported) ...");
    StagedRun.run(s.latency("warm-up", 300, 300, 100, 0));

    Map<String, List<StagedRun.Result>> all = new LinkedHashMap<>();
    try {
      for (int run = 1; run <= runs; run++) {
        for (StagedRun.Config c : s.configs(scenarios, run)) {
          StagedRun.Result r = StagedRun.run(c);
          all.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(r);
          System.out.println("run " + run + " " + StagedReport.line(r));
        }
      }
    } finally {
      BenchDatabase.stopPostgres();
    }
    System.out.println();
    System.out.println(StagedReport.markdown(all));
  }

  /** Production defaults with another tick interval. */
  static PipelineSettings settings(Duration tick) {
    return PipelineSettings.defaults().withTickInterval(tick);
  }

  /** Median over runs of one figure. */
  static double median(List<StagedRun.Result> runs, ToDoubleFunction<StagedRun.Result> figure) {
    return Percentiles.median(runs.stream().mapToDouble(figure).toArray());
  }

  /** The configurations of each scenario. */
  private record Scenarios(PipelineSettings pipeline, Duration poll) {

    List<StagedRun.Config> configs(List<String> names, long seed) {
      List<StagedRun.Config> configs = new ArrayList<>();
      for (String name : names) {
        switch (name.strip().toLowerCase(Locale.ROOT)) {
          case "latency" ->
              configs.add(latency("latency", jobs("bench.jobs", 10000), 1000, 100, seed));
          case "throughput" -> {
            for (String db : System.getProperty("bench.dbs", "h2,postgres").split(",")) {
              configs.add(throughput(BenchDatabase.Kind.parse(db), seed));
            }
          }
          case "isolation" -> {
            configs.add(isolation(Duration.ZERO, seed));
            configs.add(
                isolation(Duration.ofSeconds(Integer.getInteger("bench.hangSeconds", 60)), seed));
          }
          case "large" -> configs.add(large(seed));
          default -> throw new IllegalArgumentException("unknown scenario " + name);
        }
      }
      return configs;
    }

    StagedRun.Config latency(String name, int jobs, int successes, int rate, long seed) {
      Duration window = Duration.ofMillis(successes * 1000L / rate);
      return config(
          name, BenchDatabase.Kind.H2, jobs, successes, 200, Duration.ZERO, 0, window, seed);
    }

    StagedRun.Config throughput(BenchDatabase.Kind db, long seed) {
      int jobs = jobs("bench.tputJobs", 2000);
      int rate = Integer.getInteger("bench.tputRate", 1000);
      Duration window = Duration.ofMillis(jobs * 1000L / rate);
      return config(
          "throughput " + db.name().toLowerCase(Locale.ROOT),
          db,
          jobs,
          jobs,
          200,
          Duration.ZERO,
          0,
          window,
          seed);
    }

    StagedRun.Config isolation(Duration hang, long seed) {
      int jobs = jobs("bench.isoJobs", 1000);
      int rate = Integer.getInteger("bench.isoRate", 100);
      int successes = Math.min(jobs, rate * 10);
      Duration window = Duration.ofMillis(successes * 1000L / rate);
      String name =
          hang.isZero() ? "isolation, no hang" : "isolation, c0 hangs " + hang.toSeconds() + " s";
      return config(name, BenchDatabase.Kind.H2, jobs, successes, 10, hang, 0, window, seed);
    }

    StagedRun.Config large(long seed) {
      long bytes = Long.getLong("bench.resultMiB", 50) << 20;
      return new StagedRun.Config(
          "large result",
          BenchDatabase.Kind.H2,
          1,
          1,
          1,
          Duration.ZERO,
          bytes,
          poll,
          pipeline,
          Duration.ofSeconds(2),
          Duration.ofMillis(1),
          Duration.ofSeconds(120),
          seed);
    }

    private StagedRun.Config config(
        String name,
        BenchDatabase.Kind db,
        int jobs,
        int successes,
        int chats,
        Duration hang,
        long resultBytes,
        Duration window,
        long seed) {
      Duration first = Duration.ofSeconds(3);
      // hung runs end once every other chat is served, or 75 s after the last success
      Duration grace = hang.isZero() ? Duration.ofSeconds(180) : Duration.ofSeconds(75);
      return new StagedRun.Config(
          name,
          db,
          jobs,
          successes,
          chats,
          hang,
          resultBytes,
          poll,
          pipeline,
          first,
          window,
          first.plus(window).plus(grace),
          seed);
    }

    private static int jobs(String property, int fallback) {
      return Integer.getInteger(property, fallback);
    }
  }
}
