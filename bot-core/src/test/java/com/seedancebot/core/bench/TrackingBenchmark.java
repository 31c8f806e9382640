package com.seedancebot.core.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Benchmark of job tracking against the fake Ark: for each job count given, runs the naive baseline
 * (one GET per task per interval), the real batched tracker, and the tracker with callbacks,
 * several times in turn, and prints the median of the runs as a Markdown table. Not a test: run it
 * with the command in {@code docs/BENCHMARK.md}.
 *
 * <p>Arguments: job counts (default {@code 1000 10000}). System properties: {@code bench.runs}
 * (runs per scenario, default 3), {@code bench.largeRuns} (runs per scenario of 5,000 jobs or more,
 * default 1), {@code bench.pollMs} (base poll interval, default 200), {@code bench.tickMs} (pause
 * between scheduler ticks, default 20), {@code bench.firstSuccessMs} (when the first task succeeds,
 * default 3000), {@code bench.rate} (tasks succeeding per second at the fake, default 100), {@code
 * bench.successSeconds} (how long tasks keep succeeding, default 10; the jobs that do not succeed
 * in that time keep running and keep being polled).
 */
public final class TrackingBenchmark {

  /** From this many jobs on, a scenario runs {@code bench.largeRuns} times. */
  private static final int LARGE = 5000;

  private TrackingBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("log.level", "warn"); // read by logback-test.xml
    System.setProperty("log.flyway.level", "error");
    List<Integer> sizes = new ArrayList<>();
    for (String a : args.length == 0 ? new String[] {"1000", "10000"} : args) {
      sizes.add(Integer.parseInt(a.strip()));
    }
    int runs = Integer.getInteger("bench.runs", 3);
    int largeRuns = Integer.getInteger("bench.largeRuns", 1);
    Duration poll = Duration.ofMillis(Integer.getInteger("bench.pollMs", 200));
    Duration tick = Duration.ofMillis(Integer.getInteger("bench.tickMs", 20));
    Duration first = Duration.ofMillis(Integer.getInteger("bench.firstSuccessMs", 3000));
    int rate = Integer.getInteger("bench.rate", 100);
    int successSeconds = Integer.getInteger("bench.successSeconds", 10);
    List<Mode> modes = new ArrayList<>();
    for (String m :
        System.getProperty("bench.modes", "NAIVE,BATCHED,BATCHED_CALLBACKS").split(",")) {
      modes.add(Mode.valueOf(m.strip().toUpperCase(Locale.ROOT)));
    }

    System.out.printf(
        Locale.ROOT,
        "poll interval %d ms, tick pause %d ms, first success after %d ms, %d successes/s for"
            + " up to %d s, %d run(s) per scenario (%d from %d jobs), %d CPUs, max heap %d MiB%n",
        poll.toMillis(),
        tick.toMillis(),
        first.toMillis(),
        rate,
        successSeconds,
        runs,
        largeRuns,
        LARGE,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);

    System.out.println("warm-up (not reported) ...");
    for (Mode mode : modes) {
      TrackingRun.run(config(300, 300, mode, poll, tick, first, Duration.ofSeconds(2), 0));
    }

    Map<Integer, Map<Mode, List<RunResult>>> all = new LinkedHashMap<>();
    for (int size : sizes) {
      int successes = Math.min(size, rate * successSeconds);
      Duration window = Duration.ofMillis(successes * 1000L / rate);
      Map<Mode, List<RunResult>> bySize = new EnumMap<>(Mode.class);
      for (int run = 1; run <= (size >= LARGE ? largeRuns : runs); run++) {
        for (Mode mode : modes) {
          RunResult r =
              TrackingRun.run(config(size, successes, mode, poll, tick, first, window, run));
          bySize.computeIfAbsent(mode, m -> new ArrayList<>()).add(r);
          System.out.println(line(run, r));
        }
      }
      all.put(size, bySize);
    }
    System.out.println();
    System.out.println(Report.markdown(all));
  }

  private static TrackingRun.Config config(
      int jobs,
      int successes,
      Mode mode,
      Duration poll,
      Duration tick,
      Duration first,
      Duration window,
      long seed) {
    return new TrackingRun.Config(
        jobs, successes, mode, poll, tick, first, window, first.plus(window).plusSeconds(60), seed);
  }

  private static String line(int run, RunResult r) {
    return String.format(
        Locale.ROOT,
        "run %d %6d jobs %-20s delivered %5d of %5d  req/job/interval %.4f  latency p50 %7.1f ms"
            + " p99 %7.1f ms max %7.1f ms  heap/job %6.0f B (peak %5.0f MiB)  status/job %.1f"
            + "  callbacks %d (p50 %.2f ms)  track step p50 %.1f ms max %.0f ms"
            + "  delivery step p50 %.1f ms max %.0f ms"
            + "  setup %.1f s  tracking %.1f s",
        run,
        r.jobs(),
        r.mode().label,
        r.delivered(),
        r.successes(),
        r.requestsPerJobPerInterval(),
        r.medianLatencyMs(),
        r.p99LatencyMs(),
        r.maxLatencyMs(),
        r.heapPerJobBytes(),
        r.heapPeakMiB(),
        r.statusEditsPerJob(),
        r.callbacks(),
        r.callbackMedianMs(),
        r.trackerTickMedianMs(),
        r.trackerTickMaxMs(),
        r.deliveryTickMedianMs(),
        r.deliveryTickMaxMs(),
        r.setupSeconds(),
        r.trackingSeconds());
  }

  /** Median over runs of one figure. */
  static double median(List<RunResult> runs, ToDoubleFunction<RunResult> figure) {
    return Percentiles.median(runs.stream().mapToDouble(figure).toArray());
  }
}
