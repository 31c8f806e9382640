package com.seedancebot.core.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Renders the medians of the runs as the Markdown table of {@code docs/BENCHMARK.md}. */
final class Report {

  private Report() {}

  static String markdown(Map<Integer, Map<Mode, List<RunResult>>> all) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| jobs | approach | poll requests / job / interval | success → delivery p50 (ms)"
            + " | p99 (ms) | heap / job (after GC) | status edits / job | track step p50 (ms)"
            + " | delivered / succeeded |\n");
    out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
    all.forEach(
        (size, byMode) ->
            byMode.forEach(
                (mode, runs) ->
                    out.append(
                        String.format(
                            Locale.ROOT,
                            "| %,d | %s | %.4f | %.0f | %.0f | %.1f KiB | %.1f | %.1f | %s |%n",
                            size,
                            mode.label,
                            m(runs, RunResult::requestsPerJobPerInterval),
                            m(runs, RunResult::medianLatencyMs),
                            m(runs, RunResult::p99LatencyMs),
                            m(runs, RunResult::heapPerJobBytes) / 1024,
                            m(runs, RunResult::statusEditsPerJob),
                            m(runs, RunResult::trackerTickMedianMs),
                            delivered(runs)))));
    out.append("\nRatios naive / batched (medians of runs):\n\n");
    out.append("| jobs | approach | requests | latency p50 | latency p99 | heap / job |\n");
    out.append("|---:|---|---:|---:|---:|---:|\n");
    all.forEach(
        (size, byMode) -> {
          List<RunResult> naive = byMode.get(Mode.NAIVE);
          for (Mode mode : List.of(Mode.BATCHED, Mode.BATCHED_CALLBACKS)) {
            List<RunResult> other = byMode.get(mode);
            if (naive == null || other == null) {
              continue;
            }
            out.append(
                String.format(
                    Locale.ROOT,
                    "| %,d | %s | %.1f× | %.2f× | %.2f× | %.2f× |%n",
                    size,
                    mode.label,
                    ratio(naive, other, RunResult::requestsPerJobPerInterval),
                    ratio(naive, other, RunResult::medianLatencyMs),
                    ratio(naive, other, RunResult::p99LatencyMs),
                    ratio(naive, other, RunResult::heapPerJobBytes)));
          }
        });
    return out.toString();
  }

  private static double m(List<RunResult> runs, ToDoubleFunction<RunResult> f) {
    return TrackingBenchmark.median(runs, f);
  }

  private static double ratio(
      List<RunResult> naive, List<RunResult> other, ToDoubleFunction<RunResult> f) {
    return m(naive, f) / m(other, f);
  }

  private static String delivered(List<RunResult> runs) {
    int min = runs.stream().mapToInt(RunResult::delivered).min().orElse(0);
    int due = runs.get(0).successes();
    return String.format(
        Locale.ROOT, min == due ? "%,d of %,d" : "%,d of %,d (worst run)", min, due);
  }
}
