package com.seedancebot.core.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Prints staged-pipeline runs: one line per run, and a Markdown table of medians per scenario. */
final class StagedReport {

  private StagedReport() {}

  static String line(StagedRun.Result r) {
    StagedRun.Config c = r.config();
    return String.format(
        Locale.ROOT,
        "%-28s %-8s %6d jobs  started %5d recorded %5d of %5d  start p50 %7.1f p99 %7.1f max %7.1f"
            + " ms  others %d of %d p50 %7.1f p99 %7.1f ms  recorded p50 %7.1f ms  polls %d  throughput"
            + " %6.1f/s sustained %6.1f/s  heap base %5.1f peak %5.1f MiB  halfway collect %5.1f"
            + " upload %5.1f raw peak %5.1f MiB  setup %.1f s run %.1f s  load %.2f",
        c.name(),
        c.db(),
        c.jobs(),
        r.started(),
        r.recorded(),
        c.successes(),
        r.startP50(),
        r.startP99(),
        r.startMax(),
        r.othersStarted(),
        r.othersExpected(),
        r.othersP50(),
        r.othersP99(),
        r.recordedP50(),
        r.pollRequests(),
        r.throughput(),
        r.sustained(),
        r.baselineHeapMiB(),
        r.peakHeapMiB(),
        r.collectHalfwayHeapMiB(),
        r.uploadHalfwayHeapMiB(),
        r.rawPeakHeapMiB(),
        r.setupSeconds(),
        r.runSeconds(),
        r.loadAverage());
  }

  static String markdown(Map<String, List<StagedRun.Result>> all) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| scenario | db | jobs | delivered (worst run) | start p50 (ms) | start p99 (ms) |"
            + " others p50 (ms) | others p99 (ms) | recorded p50 (ms) | provider polls | throughput (/s) |"
            + " sustained (/s) | heap base / peak (MiB) | extra halfway collect / upload (MiB)"
            + " | load |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    all.forEach(
        (name, runs) -> {
          StagedRun.Config c = runs.get(0).config();
          double base = m(runs, StagedRun.Result::baselineHeapMiB);
          out.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %s | %,d | %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.1f | %.1f | %.1f /"
                      + " %.1f | %.1f / %.1f | %.1f |%n",
                  name,
                  c.db().name().toLowerCase(Locale.ROOT),
                  c.jobs(),
                  delivered(runs),
                  m(runs, StagedRun.Result::startP50),
                  m(runs, StagedRun.Result::startP99),
                  m(runs, StagedRun.Result::othersP50),
                  m(runs, StagedRun.Result::othersP99),
                  m(runs, StagedRun.Result::recordedP50),
                  m(runs, r -> r.pollRequests()),
                  m(runs, StagedRun.Result::throughput),
                  m(runs, StagedRun.Result::sustained),
                  base,
                  m(runs, StagedRun.Result::peakHeapMiB),
                  m(runs, r -> r.collectHalfwayHeapMiB() - r.baselineHeapMiB()),
                  m(runs, r -> r.uploadHalfwayHeapMiB() - r.baselineHeapMiB()),
                  m(runs, StagedRun.Result::loadAverage)));
        });
    return out.toString();
  }

  private static double m(List<StagedRun.Result> runs, ToDoubleFunction<StagedRun.Result> f) {
    return StagedBenchmark.median(runs, f);
  }

  private static String delivered(List<StagedRun.Result> runs) {
    int min = runs.stream().mapToInt(StagedRun.Result::othersStarted).min().orElse(0);
    int due = runs.get(0).othersExpected();
    return String.format(Locale.ROOT, "%,d of %,d", min, due);
  }
}
