package com.seedancebot.core.pipeline;

import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.MediaUrlResolver;
import com.seedancebot.core.asset.ProviderLinks;
import com.seedancebot.core.asset.SignedUrls;
import com.seedancebot.core.delivery.ChatPorts;
import com.seedancebot.core.delivery.DeliveryService;
import com.seedancebot.core.delivery.JobTexts;
import com.seedancebot.core.delivery.StatusReporter;
import com.seedancebot.core.job.CallbackIntake;
import com.seedancebot.core.job.JobClaims;
import com.seedancebot.core.job.JobDispatcher;
import com.seedancebot.core.job.JobOutcomes;
import com.seedancebot.core.job.JobRepository;
import com.seedancebot.core.job.JobSettings;
import com.seedancebot.core.job.JobTelemetry;
import com.seedancebot.core.job.JobTracker;
import com.seedancebot.core.job.ResultCollector;
import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.quota.QuotaLedger;
import com.seedancebot.core.request.CostEstimator;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.story.Storyboards;
import com.seedancebot.core.work.StageWorkers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job pipeline, put together in one place from ports and settings: submitting, tracking,
 * collecting, delivering and status editing, each a stage with its own workers that makes progress
 * on its own. {@link #start()} runs every stage's pass on a thread of its own and renews the leases
 * of work in flight; {@link #stop()} ends them. Built {@linkplain Builder#direct() direct}, every
 * unit runs on the caller's thread and tests drive the stages with {@link #tickAll()} on a
 * controlled clock. Used by the Spring wiring, every test harness and the benchmark.
 */
public final class Pipeline {

  private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
  private static final int QUEUED_PROGRESS_CALLBACKS = 20_000;

  private final JobDispatcher dispatcher;
  private final JobTracker tracker;
  private final CallbackIntake callbacks;
  private final DeliveryService delivery;
  private final StatusReporter status;
  private final JobOutcomes outcomes;
  private final JobRepository jobs;
  private final JobSettings settings;
  private final PipelineSettings pipeline;
  private final Clock clock;
  private final List<StageWorkers> stages;
  private final List<ExecutorService> pools;
  private ScheduledExecutorService leases;
  private List<StageLoop> loops = List.of();

  private Pipeline(Builder b, List<StageWorkers> stages, List<ExecutorService> pools) {
    this.stages = stages;
    this.pools = pools;
    this.jobs = b.jobs;
    this.settings = b.settings;
    this.pipeline = b.pipeline;
    this.clock = b.clock;
    JobClaims claims = new JobClaims(b.jobs, b.settings, b.clock, !b.soleInstance);
    this.status =
        new StatusReporter(
            b.jobs, b.ports, b.texts, b.clock, stages.get(4), claims.sharesDatabase());
    this.outcomes = new JobOutcomes(b.jobs, b.quota, b.clock, b.telemetry, b.costs);
    this.dispatcher =
        new JobDispatcher(
            b.jobs,
            b.router,
            b.catalog,
            new MediaUrlResolver(
                b.assets, b.signedUrls, b.settings.assetLinkTtl(), b.providerLinks),
            outcomes,
            status,
            b.settings,
            b.clock,
            b.jitter,
            b.seeds,
            b.callbackBase,
            stages.get(0),
            b.telemetry);
    this.tracker =
        new JobTracker(
            b.jobs,
            b.router,
            new ResultCollector(b.assets, b.videoInfo),
            outcomes,
            status,
            b.settings,
            b.clock,
            b.jitter,
            stages.get(1),
            stages.get(2),
            b.telemetry,
            claims);
    this.callbacks = new CallbackIntake(b.jobs, tracker, progressCallbacks(b.direct, pools));
    this.delivery =
        new DeliveryService(
            b.jobs,
            b.ports,
            status,
            b.texts,
            outcomes,
            b.assets,
            b.signedUrls,
            b.settings,
            b.clock,
            b.jitter,
            stages.get(3),
            b.telemetry,
            b.storyboards,
            claims);
  }

  public static Builder builder() {
    return new Builder();
  }

  public JobDispatcher dispatcher() {
    return dispatcher;
  }

  public JobTracker tracker() {
    return tracker;
  }

  /** Where provider callbacks enter the pipeline. */
  public CallbackIntake callbacks() {
    return callbacks;
  }

  public DeliveryService delivery() {
    return delivery;
  }

  public StatusReporter status() {
    return status;
  }

  public JobOutcomes outcomes() {
    return outcomes;
  }

  /** One pass of every stage in lifecycle order (tests and benchmarks). */
  public void tickAll() {
    dispatcher.tick();
    tracker.tick();
    delivery.tick();
    status.flush();
  }

  /**
   * Runs each stage's pass on its own thread, and the lease renewal, until {@link #stop()}. A stage
   * passes once per tick, and sooner when one of its workers ends after a pass found no room (at
   * most one pass per tenth of a tick), so a busy stage is not held to its worker count per tick.
   * Collecting passes as soon as a job is queued for it (a poll found its task succeeded, or a
   * callback announced a final state) and delivery as soon as a job ends, so a finished video never
   * waits for a tick. Tracking keeps its tick: polling again for every free collector would poll
   * the provider far more often for no gain.
   */
  public synchronized void start() {
    if (leases != null) {
      return;
    }
    Duration tick = pipeline.tickInterval();
    Duration gap = tick.dividedBy(10);
    StageLoop dispatch = new StageLoop("dispatch", dispatcher::tick, tick, gap);
    StageLoop track = new StageLoop("track", tracker::tick, tick, gap);
    StageLoop collect = new StageLoop("collect", tracker::collectQueued, tick, gap);
    StageLoop deliver = new StageLoop("deliver", delivery::tick, tick, gap);
    StageLoop statuses = new StageLoop("status", status::flush, tick, gap);
    stages.get(0).onRoom(dispatch::wake);
    stages.get(2).onRoom(collect::wake);
    tracker.onCollectQueued(collect::wake);
    stages.get(3).onRoom(deliver::wake);
    outcomes.onEnded(deliver::wake);
    stages.get(4).onRoom(statuses::wake);
    loops = List.of(dispatch, track, collect, deliver, statuses);
    Duration first = tick.compareTo(Duration.ofMillis(500)) < 0 ? tick : Duration.ofMillis(500);
    loops.forEach(l -> l.start(first));
    leases = Executors.newSingleThreadScheduledExecutor(named("pipeline-leases"));
    long renew = Math.max(tick.toMillis(), settings.leaseTime().toMillis() / 3);
    leases.scheduleWithFixedDelay(
        () -> {
          try {
            renewLeases();
          } catch (RuntimeException e) {
            log.error("Renewing leases failed; retrying on the next pass", e);
          }
        },
        first.toMillis(),
        renew,
        TimeUnit.MILLISECONDS);
  }

  /**
   * Where progress callbacks of jobs not remembered are read: one worker with room for {@value
   * #QUEUED_PROGRESS_CALLBACKS} of them (more are dropped: they are hints), or the caller's thread
   * when built direct.
   */
  private static Executor progressCallbacks(boolean direct, List<ExecutorService> pools) {
    if (direct) {
      return Runnable::run;
    }
    ThreadPoolExecutor worker =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUED_PROGRESS_CALLBACKS),
            named("pipeline-progress-callbacks"),
            new ThreadPoolExecutor.AbortPolicy());
    pools.add(worker);
    return worker;
  }

  /** Stops the loops and the workers; work in flight is interrupted (its lease then runs out). */
  public synchronized void stop() {
    if (leases != null) {
      loops.forEach(StageLoop::stop);
      leases.shutdownNow();
      leases = null;
    }
    pools.forEach(ExecutorService::shutdownNow);
  }

  /** Extends the leases of every unit in flight, so long uploads keep other instances off. */
  void renewLeases() {
    Set<String> held = new HashSet<>();
    stages.forEach(s -> held.addAll(s.inFlight()));
    if (!held.isEmpty()) {
      jobs.renewLeases(settings.instanceId(), held, clock.instant().plus(settings.leaseTime()));
    }
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    var counter = new java.util.concurrent.atomic.AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Collects the ports and settings the pipeline is made of; {@link #build()} checks them. */
  public static final class Builder {
    private JobRepository jobs;
    private QuotaLedger quota;
    private ProviderRouter router;
    private ModelCatalog catalog = ModelCatalog.standard();
    private AssetStore assets;
    private SignedUrls signedUrls;
    private ProviderLinks providerLinks = ProviderLinks.BOT;
    private ChatPorts ports;
    private JobTexts texts;
    private JobSettings settings;
    private PipelineSettings pipeline = PipelineSettings.defaults();
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    private RandomGenerator seeds = RandomGenerator.getDefault();
    private Function<VideoProvider, String> callbackBase = p -> null;
    private Function<Path, MediaInfo> videoInfo = p -> MediaInfo.unknown();
    private JobTelemetry telemetry = JobTelemetry.NONE;
    private CostEstimator costs = new CostEstimator();
    private Storyboards storyboards;
    private boolean direct;
    private boolean soleInstance;

    private Builder() {}

    /**
     * Whether this process is the only instance on its database (an embedded H2 file, which no
     * other process can open): then what only coordinates instances is skipped. Each status text is
     * shown without first claiming it on the job's row, a job's polls, collect and delivery are
     * claimed in memory ({@link JobClaims}; a database commit per step saved), and a final callback
     * is confirmed at once in memory instead of on the shared poll grid (up to a second sooner).
     * Off by default: instances sharing a database need all three.
     */
    public Builder soleInstance(boolean soleInstance) {
      this.soleInstance = soleInstance;
      return this;
    }

    /** Storyboards whose scenes this pipeline runs (none without). */
    public Builder storyboards(Storyboards storyboards) {
      this.storyboards = storyboards;
      return this;
    }

    public Builder jobs(JobRepository jobs) {
      this.jobs = jobs;
      return this;
    }

    public Builder quota(QuotaLedger quota) {
      this.quota = quota;
      return this;
    }

    public Builder providers(ProviderRouter router) {
      this.router = router;
      return this;
    }

    public Builder catalog(ModelCatalog catalog) {
      this.catalog = catalog;
      return this;
    }

    public Builder storage(AssetStore assets, SignedUrls signedUrls) {
      this.assets = assets;
      this.signedUrls = signedUrls;
      return this;
    }

    /** Which URLs providers get for attachments (default: the bot's own signed links). */
    public Builder providerLinks(ProviderLinks providerLinks) {
      this.providerLinks = Objects.requireNonNull(providerLinks, "providerLinks");
      return this;
    }

    public Builder chats(ChatPorts ports, JobTexts texts) {
      this.ports = ports;
      this.texts = texts;
      return this;
    }

    public Builder settings(JobSettings settings) {
      this.settings = settings;
      return this;
    }

    public Builder pipelineSettings(PipelineSettings pipeline) {
      this.pipeline = pipeline;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Jitter in [0,1) for backoff; a constant makes tests repeatable. */
    public Builder jitter(DoubleSupplier jitter) {
      this.jitter = jitter;
      return this;
    }

    /** Where the seeds the bot chooses for reconcilable creates come from. */
    public Builder seeds(RandomGenerator seeds) {
      this.seeds = seeds;
      return this;
    }

    /** The callback URL prefix for a provider (a token is appended), or null for none. */
    public Builder callbackBase(Function<VideoProvider, String> callbackBase) {
      this.callbackBase = callbackBase;
      return this;
    }

    /** Reads a stored result's size and duration (a media inspector). */
    public Builder videoInfo(Function<Path, MediaInfo> videoInfo) {
      this.videoInfo = videoInfo;
      return this;
    }

    /** Where the stages report stage times, outcomes, deliveries and stored bytes. */
    public Builder telemetry(JobTelemetry telemetry) {
      this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
      return this;
    }

    /** Prices: a succeeded job's quota counts the money of its reported tokens. */
    Builder costs(CostEstimator costs) {
      this.costs = Objects.requireNonNull(costs, "costs");
      return this;
    }

    /** Every unit runs on the calling thread (tests drive the stages with their ticks). */
    public Builder direct() {
      this.direct = true;
      return this;
    }

    JobRepository jobs() {
      return jobs;
    }

    QuotaLedger quota() {
      return quota;
    }

    ProviderRouter router() {
      return router;
    }

    ModelCatalog catalog() {
      return catalog;
    }

    AssetStore assets() {
      return assets;
    }

    ChatPorts ports() {
      return ports;
    }

    JobTexts texts() {
      return texts;
    }

    Clock clock() {
      return clock;
    }

    JobTelemetry telemetry() {
      return telemetry;
    }

    public Pipeline build() {
      Objects.requireNonNull(jobs, "jobs");
      Objects.requireNonNull(quota, "quota");
      Objects.requireNonNull(router, "providers");
      Objects.requireNonNull(assets, "storage");
      Objects.requireNonNull(ports, "chats");
      Objects.requireNonNull(settings, "settings");
      List<ExecutorService> pools = new ArrayList<>();
      List<StageWorkers> stages =
          direct
              ? List.of(
                  StageWorkers.direct("submit"),
                  StageWorkers.direct("poll"),
                  StageWorkers.direct("collect"),
                  StageWorkers.direct("deliver"),
                  StageWorkers.direct("status"))
              : pooled(pools);
      return new Pipeline(this, stages, pools);
    }

    private List<StageWorkers> pooled(List<ExecutorService> pools) {
      ScheduledExecutorService watchdog =
          Executors.newSingleThreadScheduledExecutor(named("pipeline-watchdog"));
      pools.add(watchdog);
      PipelineSettings p = pipeline;
      return List.of(
          workers(
              pools,
              watchdog,
              "submit",
              p.submitWorkers(),
              p.submitWorkers(),
              p.providerCallTimeout()),
          workers(pools, watchdog, "poll", p.pollWorkers(), 1, p.providerCallTimeout()),
          workers(
              pools, watchdog, "collect", p.collectWorkers(), p.perProvider(), p.collectTimeout()),
          workers(pools, watchdog, "deliver", p.deliverWorkers(), p.perChat(), p.deliverTimeout()),
          workers(
              pools, watchdog, "status", p.statusWorkers(), p.perPlatform(), p.statusTimeout()));
    }

    private static StageWorkers workers(
        List<ExecutorService> pools,
        ScheduledExecutorService watchdog,
        String name,
        int threads,
        int perGroup,
        Duration timeout) {
      ExecutorService pool = Executors.newFixedThreadPool(threads, named("pipeline-" + name));
      pools.add(pool);
      return new StageWorkers(name, pool, watchdog, threads, perGroup, timeout);
    }
  }
}
