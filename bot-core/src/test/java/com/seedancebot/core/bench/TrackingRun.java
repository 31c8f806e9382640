package com.seedancebot.core.bench;

import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.LocalDiskAssetStore;
import com.seedancebot.core.asset.MediaInspection;
import com.seedancebot.core.asset.MediaInspector;
import com.seedancebot.core.asset.SignedUrls;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.delivery.ChatPorts;
import com.seedancebot.core.delivery.DeliveryService;
import com.seedancebot.core.delivery.JobTexts;
import com.seedancebot.core.job.JdbcJobRepository;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobDispatcher;
import com.seedancebot.core.job.JobOutcomes;
import com.seedancebot.core.job.JobSettings;
import com.seedancebot.core.job.JobTracker;
import com.seedancebot.core.job.ResultCollector;
import com.seedancebot.core.pipeline.Pipeline;
import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.provider.ark.ArkVideoProvider;
import com.seedancebot.core.provider.fake.FakeArkServer;
import com.seedancebot.core.provider.fake.Progression;
import com.seedancebot.core.provider.fake.RecordedRequest;
import com.seedancebot.core.provider.http.ProviderSettings;
import com.seedancebot.core.quota.JdbcQuotaLedger;
import com.seedancebot.core.quota.QuotaPolicy;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.ModelCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * One benchmark run: a fresh H2 file database behind a 10-connection pool, a fresh fake Ark (MANUAL
 * progression) and the real pipeline wired as {@code bot-app} wires it, with the real system clock.
 * N jobs are inserted and submitted through the dispatcher, then all N are followed — by the real
 * tracker or by the naive poller — while a {@link TaskFlipper} finishes the tasks on a known
 * schedule. One loop thread runs dispatch, tracking and delivery in turn, like {@code
 * PipelineScheduler}.
 */
final class TrackingRun {

  /** What to run. */
  record Config(
      int jobs,
      int successes,
      Mode mode,
      Duration pollInterval,
      Duration tickInterval,
      Duration firstSuccess,
      Duration window,
      Duration deadline,
      long seed) {}

  private static final String MODEL = "doubao-seedance-2-0-260128";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TrackingRun() {}

  static RunResult run(Config c) throws Exception {
    Path dir = Files.createTempDirectory("seedance-bench-");
    JdbcConnectionPool db =
        JdbcConnectionPool.create(
            "jdbc:h2:retry:" + dir.resolve("bench") + ";WRITE_DELAY=0", "sa", "");
    db.setMaxConnections(10);
    Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
    try (FakeArkServer fake = FakeArkServer.start()) {
      fake.setProgression(Progression.MANUAL);
      return new Wiring(c, dir, db, fake).run();
    } finally {
      JdbcClient.create(db).sql("SHUTDOWN").update();
      db.dispose();
      deleteTree(dir);
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
    private final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final ArkVideoProvider provider;
    private final JobOutcomes outcomes;
    private final ResultCollector collector;
    private final JobDispatcher dispatcher;
    private final JobTracker tracker;
    private final DeliveryService delivery;
    private CallbackReceiver receiver; // set after the pipeline, which asks it lazily

    Wiring(Config c, Path dir, JdbcConnectionPool db, FakeArkServer fake) {
      this.c = c;
      this.fake = fake;
      Clock clock = Clock.systemUTC();
      sql = JdbcClient.create(db);
      setupTransaction = new TransactionTemplate(new JdbcTransactionManager(db));
      jobs = new JdbcJobRepository(db, JSON);
      quota = new JdbcQuotaLedger(db, QuotaPolicy.unlimited());
      AssetStore assets = new LocalDiskAssetStore(dir.resolve("data"));
      ModelCatalog catalog = ModelCatalog.standard();
      SignedUrls signed = new SignedUrls(URI.create("http://localhost:8080"), new byte[32], clock);
      JobSettings settings = JobSettings.defaults(c.pollInterval());
      JobTexts texts = new JobTexts(new Messages(), catalog);
      ChatPorts ports = new ChatPorts(List.of(chat));
      provider =
          new ArkVideoProvider(
              new ProviderSettings(
                  "ark", fake.baseUrl(), fake.apiKey(), c.jobs(), Duration.ofSeconds(30)),
              http,
              JSON,
              clock);
      MediaInspector inspector = new MediaInspector();
      Pipeline pipeline =
          Pipeline.builder()
              .jobs(jobs)
              .quota(quota)
              .providers(new ProviderRouter(List.of(provider)))
              .catalog(catalog)
              .storage(assets, signed)
              .chats(ports, texts)
              .settings(settings)
              .clock(clock)
              .jitter(Wiring::jitter)
              .videoInfo(file -> videoInfo(inspector, file))
              .callbackBase(p -> this.receiver == null ? null : this.receiver.urlPrefix())
              .direct()
              .build();
      outcomes = pipeline.outcomes();
      collector = new ResultCollector(assets, file -> videoInfo(inspector, file));
      tracker = pipeline.tracker();
      dispatcher = pipeline.dispatcher();
      delivery = pipeline.delivery();
      receiver =
          c.mode() == Mode.BATCHED_CALLBACKS ? new CallbackReceiver(pipeline::callbacks) : null;
    }

    RunResult run() throws Exception {
      try {
        return measure();
      } finally {
        if (receiver != null) {
          receiver.close();
        }
      }
    }

    private RunResult measure() throws Exception {
      long baselineHeap = heapAfterGc();
      long setupStart = System.nanoTime();
      // Setup is not measured: one transaction instead of ~10 commits per job keeps runs short.
      setupTransaction.executeWithoutResult(
          tx -> {
            insertJobs();
            dispatcher.tick();
          });
      Map<String, String> taskIdByJobId = submittedTasks();
      if (taskIdByJobId.size() != c.jobs()) {
        throw new IllegalStateException(
            "only " + taskIdByJobId.size() + " of " + c.jobs() + " jobs were submitted");
      }
      double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
      fake.clearRecords();
      chat.takeStatusCalls();

      NaivePoller naive =
          c.mode() == Mode.NAIVE
              ? new NaivePoller(
                  http,
                  fake.baseUrl(),
                  fake.apiKey(),
                  JSON,
                  provider,
                  jobs,
                  collector,
                  outcomes,
                  c.pollInterval(),
                  taskIdByJobId)
              : null;
      long start = System.nanoTime();
      long pollRequests = 0;
      long peakHeap = -1;
      List<Double> tickMillis = new ArrayList<>();
      List<Double> deliveryMillis = new ArrayList<>();
      long deadline = start + c.deadline().toNanos();
      try (TaskFlipper flipper =
          new TaskFlipper(
              fake,
              List.copyOf(taskIdByJobId.values()),
              c.successes(),
              start,
              c.firstSuccess(),
              c.window(),
              c.seed())) {
        flipper.start();
        while (chat.delivered() < c.successes() && System.nanoTime() < deadline) {
          dispatcher.tick();
          long t0 = System.nanoTime();
          if (naive != null) {
            naive.tick();
          } else {
            tracker.tick();
          }
          long t1 = System.nanoTime();
          tickMillis.add((t1 - t0) / 1e6);
          delivery.tick();
          deliveryMillis.add((System.nanoTime() - t1) / 1e6);
          // Every provider API request comes from this thread, so draining here loses none.
          pollRequests += countPolls(fake.requests());
          fake.clearRecords();
          if (peakHeap < 0 && System.nanoTime() > flipper.firstSuccessAt() - 300_000_000L) {
            peakHeap = heapAfterGc();
          }
          Thread.sleep(c.tickInterval().toMillis());
        }
        double trackingSeconds = (System.nanoTime() - start) / 1e9;
        return result(
            flipper.succeededAt(),
            taskIdByJobId,
            start,
            pollRequests,
            baselineHeap,
            peakHeap,
            tickMillis,
            deliveryMillis,
            setupSeconds,
            trackingSeconds);
      }
    }

    private RunResult result(
        Map<String, Long> succeededAt,
        Map<String, String> taskIdByJobId,
        long start,
        long pollRequests,
        long baselineHeap,
        long peakHeap,
        List<Double> tickMillis,
        List<Double> deliveryMillis,
        double setupSeconds,
        double trackingSeconds) {
      List<Double> latencies = new ArrayList<>();
      double jobIntervals = 0;
      long interval = c.pollInterval().toNanos();
      long end = start + (long) (trackingSeconds * 1e9);
      for (var e : taskIdByJobId.entrySet()) {
        Long success = succeededAt.get(e.getValue());
        // a job needs polling from the start until it succeeds (or the run ends)
        jobIntervals += (double) ((success == null ? end : success) - start) / interval;
        if (success == null) {
          continue;
        }
        Long delivered = chat.deliveryStarts().get(e.getKey());
        if (delivered != null) {
          latencies.add((delivered - success) / 1e6);
        }
      }
      List<Long> callbackNanos =
          receiver == null ? List.of() : List.copyOf(receiver.handlingNanos());
      return new RunResult(
          c.mode(),
          c.jobs(),
          c.successes(),
          chat.delivered(),
          pollRequests,
          pollRequests / jobIntervals,
          Percentiles.of(latencies, 50),
          Percentiles.of(latencies, 99),
          Percentiles.of(latencies, 100),
          (double) (peakHeap - baselineHeap) / c.jobs(),
          peakHeap / (1024.0 * 1024.0),
          (double) chat.takeStatusCalls() / c.jobs(),
          callbackNanos.size(),
          callbackNanos.isEmpty() ? 0 : Percentiles.of(callbackNanos, 50) / 1e6,
          Percentiles.of(tickMillis, 50),
          Percentiles.of(tickMillis, 100),
          Percentiles.of(deliveryMillis, 50),
          Percentiles.of(deliveryMillis, 100),
          setupSeconds,
          trackingSeconds);
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
      var now = java.time.Instant.now();
      for (int i = 0; i < c.jobs(); i++) {
        String id = String.format(Locale.ROOT, "b%07d", i);
        String user = "u" + (i % 500);
        String chatId = "c" + (i % 200);
        quota.reserve(id, "PLAYGROUND:" + user, "PLAYGROUND:" + chatId, 5, now);
        var owner = new UserRef(Platform.PLAYGROUND, user, "User " + user, Locale.ENGLISH, false);
        jobs.insert(
            Job.accepted(
                id, owner, ChatRef.of(Platform.PLAYGROUND, chatId), "m" + i, request, 108900, now));
      }
    }

    private Map<String, String> submittedTasks() {
      Map<String, String> byJob = new HashMap<>();
      sql.sql("SELECT id, provider_task_id FROM job WHERE provider_task_id IS NOT NULL")
          .query((rs, n) -> byJob.put(rs.getString(1), rs.getString(2)))
          .list();
      return byJob;
    }

    private static long countPolls(List<RecordedRequest> requests) {
      return requests.stream().filter(r -> r.method().equals("GET")).count();
    }

    private static double jitter() {
      return ThreadLocalRandom.current().nextDouble();
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

  static long heapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    memory.gc();
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
