package com.seedancebot.core.bench;

import com.seedancebot.core.asset.LocalDiskAssetStore;
import com.seedancebot.core.asset.MediaInspection;
import com.seedancebot.core.asset.MediaInspector;
import com.seedancebot.core.asset.SignedUrls;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.delivery.ChatPorts;
import com.seedancebot.core.delivery.JobTexts;
import com.seedancebot.core.job.JdbcJobRepository;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobSettings;
import com.seedancebot.core.pipeline.Pipeline;
import com.seedancebot.core.pipeline.PipelineSettings;
import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.provider.ark.ArkVideoProvider;
import com.seedancebot.core.provider.fake.FakeArkServer;
import com.seedancebot.core.provider.fake.Progression;
import com.seedancebot.core.provider.http.ProviderSettings;
import com.seedancebot.core.quota.JdbcQuotaLedger;
import com.seedancebot.core.quota.QuotaKeys;
import com.seedancebot.core.quota.QuotaPolicy;
import com.seedancebot.core.request.CostEstimator;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.request.ModelFamily;
import com.seedancebot.core.request.ModelSpec;
import com.seedancebot.core.request.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run of the staged pipeline as the app runs it: {@link Pipeline#start()} with pooled workers,
 * the real clock and the given {@link PipelineSettings}, over a fresh database ({@link
 * BenchDatabase}), a fresh fake Ark (MANUAL progression, callbacks to a {@link CallbackReceiver})
 * and a {@link TimingChatPort} that answers at once — except, when asked, every upload into chat
 * {@code c0}, which hangs. Setup (inserting and submitting the jobs) runs on a direct pipeline in
 * one transaction and is not measured; then a {@link TaskFlipper} finishes tasks on a known
 * schedule while the running pipeline tracks, collects and delivers them.
 */
final class StagedRun {

  /** What to run. */
  record Config(
      String name,
      BenchDatabase.Kind db,
      int jobs,
      int successes,
      int chats,
      Duration hang,
      long resultBytes,
      Duration pollInterval,
      PipelineSettings pipeline,
      Duration firstSuccess,
      Duration window,
      Duration deadline,
      long seed) {}

  /**
   * The figures of one run. Latencies are from the task's success at the fake; "start" is the start
   * of {@code deliverVideo}, "recorded" is {@code delivered_at}. "Others" are the jobs not in the
   * hung chat (all jobs when nothing hangs). Heap figures are whole-JVM: before the pipeline starts
   * (after GC), at peak tracking 300 ms before the first success (after GC), halfway through
   * downloading and through uploading a large result (after GC; NaN when the result is the small
   * sample), and the highest used heap sampled every 5 ms without GC (large results only).
   */
  record Result(
      Config config,
      int started,
      int recorded,
      int othersExpected,
      int othersStarted,
      double startP50,
      double startP99,
      double startMax,
      double othersP50,
      double othersP99,
      double recordedP50,
      long pollRequests,
      double throughput,
      double sustained,
      double baselineHeapMiB,
      double peakHeapMiB,
      double collectHalfwayHeapMiB,
      double uploadHalfwayHeapMiB,
      double rawPeakHeapMiB,
      double setupSeconds,
      double runSeconds,
      double loadAverage) {}

  static final String HUNG_CHAT = "c0";
  private static final String MODEL = "doubao-seedance-2-0-260128";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private StagedRun() {}

  static Result run(Config c) throws Exception {
    Path dir = Files.createTempDirectory("seedance-bench-");
    try (BenchDatabase db = BenchDatabase.open(c.db(), dir);
        FakeArkServer fake = FakeArkServer.start()) {
      fake.setProgression(Progression.MANUAL);
      return new Wiring(c, dir, db, fake).run();
    } finally {
      Benchmarks.deleteTree(dir);
    }
  }

  /** The pipeline of one run and its measurement. */
  private static final class Wiring {
    private final Config c;
    private final FakeArkServer fake;
    private final JdbcClient sql;
    private final TransactionTemplate setupTransaction;
    private final JdbcJobRepository jobs;
    private final JdbcQuotaLedger quota;
    private final TimingChatPort chat = new TimingChatPort();
    private final Clock clock = Clock.systemUTC();
    private final Path dir;
    private final ArkVideoProvider provider;
    private final MediaInspector inspector = new MediaInspector();
    private final CallbackReceiver receiver;
    private volatile Pipeline running;
    private long pollRequests;
    private final java.util.concurrent.atomic.AtomicLong collectHalfway =
        new java.util.concurrent.atomic.AtomicLong(-1);
    private final java.util.concurrent.atomic.AtomicLong uploadHalfway =
        new java.util.concurrent.atomic.AtomicLong(-1);
    private final java.util.concurrent.atomic.AtomicLong rawPeak =
        new java.util.concurrent.atomic.AtomicLong(-1);

    Wiring(Config c, Path dir, BenchDatabase db, FakeArkServer fake) {
      this.c = c;
      this.fake = fake;
      this.dir = dir;
      sql = JdbcClient.create(db.dataSource());
      setupTransaction = new TransactionTemplate(new JdbcTransactionManager(db.dataSource()));
      jobs = new JdbcJobRepository(db.dataSource(), JSON);
      quota = new JdbcQuotaLedger(db.dataSource(), QuotaPolicy.unlimited());
      receiver = new CallbackReceiver(() -> running.callbacks());
      if (!c.hang().isZero()) {
        chat.hangUploadsIn(HUNG_CHAT, c.hang());
      }
      if (c.resultBytes() > 0) {
        fake.servePaddedVideos(
            c.resultBytes(),
            () -> collectHalfway.accumulateAndGet(Benchmarks.heapAfterGc(), Math::max));
        chat.readVideos(() -> uploadHalfway.accumulateAndGet(Benchmarks.heapAfterGc(), Math::max));
      }
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      provider =
          new ArkVideoProvider(
              new ProviderSettings(
                  "ark", fake.baseUrl(), fake.apiKey(), c.jobs(), Duration.ofSeconds(30)),
              http,
              JSON,
              clock);
    }

    /** The pipeline as {@code bot-app} assembles it, from this run's ports. */
    private Pipeline.Builder pipeline() {
      ModelCatalog catalog = ModelCatalog.standard();
      return Pipeline.builder()
          .jobs(jobs)
          .quota(quota)
          .providers(new ProviderRouter(List.of(provider)))
          .catalog(catalog)
          .storage(
              new LocalDiskAssetStore(dir.resolve("data")),
              new SignedUrls(URI.create("http://localhost:8080"), new byte[32], clock))
          .chats(new ChatPorts(List.of(chat)), new JobTexts(new Messages(), catalog))
          .settings(JobSettings.defaults(c.pollInterval()))
          .pipelineSettings(c.pipeline())
          // as the app decides: an embedded H2 file is this process's alone
          .soleInstance(c.db() == BenchDatabase.Kind.H2)
          .clock(clock)
          .jitter(() -> ThreadLocalRandom.current().nextDouble())
          .videoInfo(file -> videoInfo(inspector, file))
          .callbackBase(p -> receiver.urlPrefix());
    }

    Result run() throws Exception {
      try {
        return measure();
      } finally {
        if (running != null) {
          running.stop();
        }
        receiver.close();
      }
    }

    private Result measure() throws Exception {
      double load = Benchmarks.loadAverage();
      long setupStart = System.nanoTime();
      Pipeline setup = pipeline().direct().build();
      setupTransaction.executeWithoutResult(
          tx -> {
            insertJobs();
            setup.dispatcher().tick();
          });
      Map<String, String> taskByJob = submittedTasks();
      if (taskByJob.size() != c.jobs()) {
        throw new IllegalStateException(
            "only " + taskByJob.size() + " of " + c.jobs() + " jobs were submitted");
      }
      double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
      fake.clearRecords(); // the creates' log would count as tracking heap
      long baselineHeap = Benchmarks.heapAfterGc();
      running = pipeline().build();
      long start = System.nanoTime();
      long peakHeap = -1;
      pollRequests = 0;
      try (TaskFlipper flipper =
          new TaskFlipper(
              fake,
              List.copyOf(taskByJob.values()),
              c.successes(),
              start,
              c.firstSuccess(),
              c.window(),
              c.seed())) {
        Thread sampler = c.resultBytes() > 0 ? startSampler() : null;
        running.start();
        flipper.start();
        long deadline = start + c.deadline().toNanos();
        int expected = othersExpected(flipper, taskByJob);
        // the chat port's count is free; the database is asked only once it says all were posted
        while (System.nanoTime() < deadline
            && (postedOthers() < expected || recordedOthers() < expected)) {
          if (peakHeap < 0 && System.nanoTime() > flipper.firstSuccessAt() - 300_000_000L) {
            peakHeap = Benchmarks.heapAfterGc();
          }
          pollRequests += drainPolls();
          Thread.sleep(100);
        }
        double runSeconds = (System.nanoTime() - start) / 1e9;
        pollRequests += drainPolls();
        if (sampler != null) {
          sampler.interrupt();
        }
        // read the figures before stopping: stopping interrupts units inside H2, which then closes
        // its file for every connection
        return result(
            flipper, taskByJob, expected, baselineHeap, peakHeap, setupSeconds, runSeconds, load);
      }
    }

    /** Provider polls (GETs) since the last drain; the fake's log is cleared so it stays small. */
    private long drainPolls() {
      var requests = fake.requests();
      fake.clearRecords();
      return requests.stream().filter(r -> r.method().equals("GET")).count();
    }

    private Thread startSampler() {
      Thread t =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  rawPeak.accumulateAndGet(Benchmarks.heapUsed(), Math::max);
                  try {
                    Thread.sleep(5);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-sampler");
      t.setDaemon(true);
      t.start();
      return t;
    }

    private static double mib(long bytes) {
      return bytes < 0 ? Double.NaN : bytes / (1024.0 * 1024.0);
    }

    private Result result(
        TaskFlipper flipper,
        Map<String, String> taskByJob,
        int expected,
        long baselineHeap,
        long peakHeap,
        double setupSeconds,
        double runSeconds,
        double load) {
      Map<String, Long> recordedAt = deliveredAt();
      List<Double> starts = new ArrayList<>();
      List<Double> others = new ArrayList<>();
      List<Double> recorded = new ArrayList<>();
      List<Long> recordedTimes = new ArrayList<>();
      long firstSuccess = Long.MAX_VALUE;
      for (var e : taskByJob.entrySet()) {
        Long success = flipper.succeededAt().get(e.getValue());
        Long successMillis = flipper.succeededAtMillis().get(e.getValue());
        if (success == null) {
          continue;
        }
        firstSuccess = Math.min(firstSuccess, successMillis);
        Long started = chat.deliveryStarts().get(e.getKey());
        if (started != null) {
          starts.add((started - success) / 1e6);
          if (!inHungChat(e.getKey())) {
            others.add((started - success) / 1e6);
          }
        }
        Long at = recordedAt.get(e.getKey());
        if (at != null) {
          recorded.add((double) (at - successMillis));
          recordedTimes.add(at);
        }
      }
      printCollectTimes(flipper, taskByJob);
      recordedTimes.sort(null);
      int n = recordedTimes.size();
      double throughput =
          n == 0 ? 0 : n * 1000.0 / Math.max(1, recordedTimes.get(n - 1) - firstSuccess);
      int lo = n / 10;
      int hi = n * 9 / 10;
      double sustained =
          hi <= lo
              ? 0
              : (hi - lo) * 1000.0 / Math.max(1, recordedTimes.get(hi) - recordedTimes.get(lo));
      return new Result(
          c,
          starts.size(),
          n,
          expected,
          others.size(),
          Percentiles.of(starts, 50),
          Percentiles.of(starts, 99),
          Percentiles.of(starts, 100),
          Percentiles.of(others, 50),
          Percentiles.of(others, 99),
          Percentiles.of(recorded, 50),
          pollRequests,
          throughput,
          sustained,
          mib(baselineHeap),
          mib(peakHeap),
          mib(collectHalfway.get()),
          mib(uploadHalfway.get()),
          mib(rawPeak.get()),
          setupSeconds,
          runSeconds,
          load);
    }

    /** Jobs to wait for: every success, less those in the hung chat when uploads there hang. */
    private int othersExpected(TaskFlipper flipper, Map<String, String> taskByJob) {
      var succeeding = flipper.successTaskIds();
      return (int)
          taskByJob.entrySet().stream()
              .filter(e -> succeeding.contains(e.getValue()) && !inHungChat(e.getKey()))
              .count();
    }

    private int postedOthers() {
      int n = 0;
      for (String jobId : chat.deliveryStarts().keySet()) {
        n += inHungChat(jobId) ? 0 : 1;
      }
      return n;
    }

    private int recordedOthers() {
      return c.hang().isZero()
          ? sql.sql("SELECT COUNT(*) FROM job WHERE delivered_at IS NOT NULL")
              .query(Integer.class)
              .single()
          : sql.sql("SELECT COUNT(*) FROM job WHERE delivered_at IS NOT NULL AND chat_id <> ?")
              .param(HUNG_CHAT)
              .query(Integer.class)
              .single();
    }

    private boolean inHungChat(String jobId) {
      return !c.hang().isZero() && chatOf(jobId).equals(HUNG_CHAT);
    }

    private String chatOf(String jobId) {
      return "c" + (Integer.parseInt(jobId.substring(1)) % c.chats());
    }

    /** Where the time goes: from the success at the fake to the job's recorded success. */
    private void printCollectTimes(TaskFlipper flipper, Map<String, String> taskByJob) {
      List<Double> collected = new ArrayList<>();
      List<Double> called = new ArrayList<>();
      List<Double> calledToRecorded = new ArrayList<>();
      Map<String, Long> recordedAt = deliveredAt();
      if (receiver != null) {
        Map<String, String> jobByToken = new HashMap<>();
        sql.sql("SELECT id, callback_token FROM job WHERE callback_token IS NOT NULL")
            .query((rs, i) -> jobByToken.put(rs.getString(2), rs.getString(1)))
            .list();
        receiver
            .finalArrivalMillis()
            .forEach(
                (token, at) -> {
                  String job = jobByToken.get(token);
                  Long success = flipper.succeededAtMillis().get(taskByJob.get(job));
                  if (success != null) {
                    called.add((double) (at - success));
                  }
                  Long recorded = recordedAt.get(job);
                  if (success != null && recorded != null) {
                    calledToRecorded.add((double) (recorded - at));
                  }
                });
      }
      sql.sql("SELECT id, finished_at FROM job WHERE finished_at IS NOT NULL")
          .query(
              (rs, i) -> {
                Long success = flipper.succeededAtMillis().get(taskByJob.get(rs.getString(1)));
                if (success != null) {
                  collected.add((double) (rs.getLong(2) - success));
                }
                return null;
              })
          .list();
      printPercentiles("success → final callback received", called);
      printPercentiles("success → succeeded in the database", collected);
      // the bot's own share: from the final callback's arrival (the provider's sending not counted)
      printPercentiles("final callback received → delivery recorded", calledToRecorded);
    }

    private static void printPercentiles(String what, List<Double> millis) {
      System.out.printf(
          Locale.ROOT,
          "  %s: p50 %.0f p99 %.0f ms (%d jobs)%n",
          what,
          Percentiles.of(millis, 50),
          Percentiles.of(millis, 99),
          millis.size());
    }

    private Map<String, Long> deliveredAt() {
      Map<String, Long> at = new HashMap<>();
      sql.sql("SELECT id, delivered_at FROM job WHERE delivered_at IS NOT NULL")
          .query((rs, i) -> at.put(rs.getString(1), rs.getLong(2)))
          .list();
      return at;
    }

    private void insertJobs() {
      var request =
          new GenerationRequest(
              MODEL,
              "a red fox running in snow, seen from a low angle at dusk",
              5,
              "16:9",
              "720p",
              true,
              null,
              false,
              false,
              false,
              List.of());
      Instant now = Instant.now();
      // as the app reserves: the request's estimated seconds and price
      ModelSpec model = ModelCatalog.standard().find(ModelFamily.ARK, MODEL).orElseThrow();
      long money =
          new CostEstimator().estimate(request, model).money().map(Money::millionths).orElse(0L);
      for (int i = 0; i < c.jobs(); i++) {
        String id = String.format(Locale.ROOT, "b%07d", i);
        String user = "u" + (i % 500);
        String chatId = chatOf(id);
        quota.reserve(
            id,
            new QuotaKeys("PLAYGROUND:" + user, "PLAYGROUND:" + chatId, "PLAYGROUND:" + chatId),
            quota.defaults(),
            5,
            money,
            now);
        var owner = new UserRef(Platform.PLAYGROUND, user, "User " + user, Locale.ENGLISH, false);
        jobs.insert(
            Job.accepted(
                id, owner, ChatRef.of(Platform.PLAYGROUND, chatId), "m" + i, request, 108900, now));
        // the app shows a job's status message when it accepts it
        jobs.setStatusMessageId(id, "s" + id);
      }
    }

    private Map<String, String> submittedTasks() {
      Map<String, String> byJob = new HashMap<>();
      sql.sql("SELECT id, provider_task_id FROM job WHERE provider_task_id IS NOT NULL")
          .query((rs, n) -> byJob.put(rs.getString(1), rs.getString(2)))
          .list();
      return byJob;
    }

    private static MediaInfo videoInfo(MediaInspector inspector, Path file) {
      try {
        MediaInspection inspection = inspector.inspect(file);
        return inspection instanceof MediaInspection.Supported ok ? ok.info() : MediaInfo.unknown();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
