package com.seedancebot.core.job;

import static org.assertj.core.api.Assertions.assertThat;

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
import com.seedancebot.core.delivery.JobStatus;
import com.seedancebot.core.delivery.JobTexts;
import com.seedancebot.core.delivery.VideoDelivery;
import com.seedancebot.core.pipeline.Pipeline;
import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.quota.JdbcQuotaLedger;
import com.seedancebot.core.quota.QuotaOverrides;
import com.seedancebot.core.quota.QuotaPlanner;
import com.seedancebot.core.quota.QuotaPolicy;
import com.seedancebot.core.quota.QuotaSnapshot;
import com.seedancebot.core.quota.QuotaTiers;
import com.seedancebot.core.request.CostEstimator;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.request.ModelFamily;
import com.seedancebot.core.request.ModelSpec;
import com.seedancebot.core.request.RequestValidator;
import com.seedancebot.core.testing.RecordingChatPort;
import com.seedancebot.core.testing.TestClock;
import com.seedancebot.core.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real job pipeline as the app wires it — {@link JobService} with a finite {@link
 * JdbcQuotaLedger}, {@link JobDispatcher}, {@link JobTracker} with the real media inspector, {@link
 * DeliveryService} — on a file H2 database and a {@link TestClock}, answering into a {@link
 * RecordingChatPort}. Tests drive it with {@link #tick()} loops; only the HTTP clients inside the
 * given providers use real time (their request timeout).
 */
final class FaultPipeline implements AutoCloseable {

  /** Finite allowances that the scenarios below never reach: a lost refund would show. */
  static final QuotaPolicy POLICY = new QuotaPolicy(40, 400, 0, 0, 200, 2000);

  static final ChatRef CHAT = ChatRef.of(Platform.PLAYGROUND, "c1");
  static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

  final TestClock clock;
  final RecordingChatPort chat = new RecordingChatPort(Platform.PLAYGROUND);
  final JdbcJobRepository jobs;
  final JdbcQuotaLedger quota;
  final JobService service;
  final JobDispatcher dispatcher;
  final JobTracker tracker;
  final DeliveryService delivery;
  private final ModelCatalog catalog = ModelCatalog.standard();
  private final List<String> accepted = new ArrayList<>();
  private final Connection keepOpen;

  /** Wires the pipeline over {@code providers} (whose clients should use the same clock). */
  FaultPipeline(Path dir, TestClock clock, List<VideoProvider> providers) {
    this.clock = clock;
    var db = TestDatabase.migratedH2(dir);
    try {
      // H2 closes (and compacts) a file database whenever its last connection closes: without a
      // pool, every statement would reopen it. One idle connection keeps it open.
      keepOpen = db.getConnection();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    var json = JsonMapper.builder().build();
    jobs = new JdbcJobRepository(db, json);
    quota = new JdbcQuotaLedger(db, POLICY);
    var assets = new LocalDiskAssetStore(dir.resolve("data"));
    var signed = new SignedUrls(URI.create("http://127.0.0.1:9"), new byte[32], clock);
    var texts = new JobTexts(new Messages(), catalog);
    var ports = new ChatPorts(List.of(chat));
    var router = new ProviderRouter(providers);
    var inspector = new MediaInspector();
    var pipeline =
        Pipeline.builder()
            .jobs(jobs)
            .quota(quota)
            .providers(router)
            .catalog(catalog)
            .storage(assets, signed)
            .chats(ports, texts)
            .settings(JobSettings.defaults(POLL_INTERVAL))
            .clock(clock)
            .jitter(() -> 0.5)
            .videoInfo(file -> videoInfo(inspector, file))
            .direct()
            .build();
    service =
        new JobService(
            jobs,
            new RequestValidator(),
            new CostEstimator(),
            quota,
            new QuotaPlanner(quota.defaults(), QuotaTiers.none(), new QuotaOverrides(db)),
            router,
            pipeline.outcomes(),
            clock);
    dispatcher = pipeline.dispatcher();
    tracker = pipeline.tracker();
    delivery = pipeline.delivery();
  }

  static UserRef user(String id) {
    return new UserRef(Platform.PLAYGROUND, id, id, Locale.ENGLISH, false);
  }

  /**
   * Asks for a 5-second 16:9 720p text-to-video with the family's default model, as user {@code
   * userId}; returns the job id. Each job is created a millisecond after the previous one, so the
   * queue order is the submission order.
   */
  String submit(String userId, ModelFamily family, String prompt) {
    ModelSpec model = catalog.defaultModel(family);
    var request =
        new GenerationRequest(
            model.id(), prompt, 5, "16:9", "720p", null, null, false, false, false, List.of());
    Acceptance a = service.submit(user(userId), CHAT, "m-" + accepted.size(), request, model);
    assertThat(a).as("acceptance of %s", prompt).isInstanceOf(Acceptance.Accepted.class);
    String id = ((Acceptance.Accepted) a).job().id();
    accepted.add(id);
    clock.advance(Duration.ofMillis(1));
    return id;
  }

  /** Submits {@code count} jobs, round-robin over users u1..u3. */
  List<String> submitMany(int count, ModelFamily family) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(submit("u" + (i % 3 + 1), family, "a red fox running in snow, take " + i));
    }
    return ids;
  }

  List<String> accepted() {
    return List.copyOf(accepted);
  }

  /** One scheduler round: dispatch, poll, deliver. */
  void tick() {
    dispatcher.tick();
    tracker.tick();
    delivery.tick();
  }

  /**
   * Advances the clock by {@code step} and ticks until every accepted job is answered, at most
   * {@code maxRounds} times; fails with every job's state when that is not enough.
   */
  void runUntilAnswered(Duration step, int maxRounds) {
    for (int i = 0; i < maxRounds && !allAnswered(); i++) {
      clock.advance(step);
      tick();
    }
    assertThat(allAnswered()).as("every job answered; states: %s", states()).isTrue();
  }

  /** Every accepted job is final and its outcome was posted to the chat. */
  boolean allAnswered() {
    return accepted.stream()
        .map(this::job)
        .allMatch(j -> j.state().isFinal() && j.deliveredAt() != null);
  }

  Job job(String id) {
    return jobs.find(id).orElseThrow();
  }

  String states() {
    return accepted.stream()
        .map(this::job)
        .map(j -> j.id() + "=" + j.state() + (j.errorCode() == null ? "" : "/" + j.errorCode()))
        .collect(Collectors.joining(", "));
  }

  /** The text of the job's status message as the user sees it now. */
  String statusText(String jobId) {
    String statusId = job(jobId).statusMessageId();
    assertThat(statusId).as("status message of %s", jobId).isNotNull();
    return chat.statusById.get(statusId);
  }

  /** Every status shown for the job, in order. */
  List<JobStatus> statuses(String jobId) {
    return chat.statusCalls.stream().filter(s -> s.jobId().equals(jobId)).toList();
  }

  List<VideoDelivery> videos(String jobId) {
    return chat.videos.stream().filter(v -> v.jobId().equals(jobId)).toList();
  }

  QuotaSnapshot quotaOf(String userId) {
    return quota.remaining(user(userId).key(), CHAT.quotaKey(), clock.instant());
  }

  /**
   * Nothing was lost or double-counted: for every user and for the whole bot, the seconds used
   * equal the billed seconds of the videos delivered, and the jobs used equal the succeeded jobs —
   * every failed, refused or expired job was refunded.
   */
  void assertNoQuotaLost() {
    int allSeconds = 0;
    int allJobs = 0;
    for (String userId : List.of("u1", "u2", "u3")) {
      int billed =
          chat.videos.stream()
              .filter(v -> v.ownerUserId().equals(userId))
              .mapToInt(v -> Math.max(1, (int) Math.round(v.durationSeconds())))
              .sum();
      long succeeded =
          accepted.stream()
              .map(this::job)
              .filter(j -> j.owner().userId().equals(userId))
              .filter(j -> j.state() == JobState.SUCCEEDED)
              .count();
      QuotaSnapshot q = quotaOf(userId);
      assertThat(q.user().seconds().used()).as("seconds used by %s", userId).isEqualTo(billed);
      assertThat(q.user().jobs().used()).as("jobs used by %s", userId).isEqualTo(succeeded);
      allSeconds += billed;
      allJobs += (int) succeeded;
    }
    QuotaSnapshot q = quotaOf("u1");
    assertThat(q.global().seconds().used()).as("seconds used by the bot").isEqualTo(allSeconds);
    assertThat(q.global().jobs().used()).as("jobs used by the bot").isEqualTo(allJobs);
  }

  @Override
  public void close() throws SQLException {
    keepOpen.close();
  }

  private static MediaInfo videoInfo(MediaInspector inspector, Path file) {
    try {
      return inspector.inspect(file) instanceof MediaInspection.Supported ok
          ? ok.info()
          : MediaInfo.unknown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
