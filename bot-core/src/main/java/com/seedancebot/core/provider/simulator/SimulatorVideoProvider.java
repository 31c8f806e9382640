package com.seedancebot.core.provider.simulator;

import com.seedancebot.core.provider.CancelOutcome;
import com.seedancebot.core.provider.ProviderException;
import com.seedancebot.core.provider.ProviderTask;
import com.seedancebot.core.provider.SubmitRequest;
import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.request.ModelFamily;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * An embedded stand-in for Ark: accepts Ark model ids, answers with Ark-style task ids ({@code
 * cgt-<yyyyMMddHHmmss>-<5 lowercase alnum>}) and moves tasks through {@code queued → running →
 * succeeded | failed} on the injected clock, rendering a real H.264 MP4 (the prompt drawn on moving
 * frames, at reduced size and frame rate) on the injected executor, never on the caller's thread.
 *
 * <p>Every task is a JSON file in the work dir, so a new instance on the same dir (after a crash)
 * answers for the old tasks and renders again any clip that was not finished. Results are {@code
 * file:} URIs inside the work dir; {@link #download} opens nothing else. Prompts can ask for
 * failures ({@code [fail]}, {@code [refuse]}, {@code [fail-transient]}, see {@link
 * PromptTriggers}). Thread-safe.
 */
public final class SimulatorVideoProvider implements VideoProvider {

  private final SimulatorSettings settings;
  private final Clock clock;
  private final SimulatorFiles files;
  private final TaskRenderer renderer;
  private final TaskTimeline timeline;
  private final PromptTriggers triggers = new PromptTriggers();
  private final TaskPlanner planner;
  private final Map<String, SimulatedTask> tasks = new ConcurrentHashMap<>();
  private final Object lock = new Object();

  /**
   * @param workDir where task records and results live (created if missing), e.g. {@code
   *     <BOT_DATA_DIR>/simulator}
   * @param renderExecutor runs the (slow, CPU-bound) clip rendering
   */
  public SimulatorVideoProvider(
      Path workDir,
      SimulatorSettings settings,
      Clock clock,
      RandomGenerator random,
      Executor renderExecutor) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.files = new SimulatorFiles(Objects.requireNonNull(workDir, "workDir"));
    this.renderer = new TaskRenderer(files, Objects.requireNonNull(renderExecutor), settings);
    this.planner =
        new TaskPlanner(
            clock, Objects.requireNonNull(random, "random"), settings.failureRate(), triggers);
    this.timeline = new TaskTimeline(settings.queueLatency(), settings.runLatency());
  }

  @Override
  public String name() {
    return "simulator";
  }

  @Override
  public ModelFamily family() {
    return ModelFamily.ARK;
  }

  @Override
  public int maxConcurrentTasks() {
    return settings.maxConcurrentTasks();
  }

  @Override
  public boolean canFindCreated() {
    return true;
  }

  /** The stored task with the request's model and seed created at or after {@code since}. */
  @Override
  public Optional<String> findCreated(SubmitRequest submit, Instant since) {
    Long seed = submit.request().seed();
    if (seed == null) {
      return Optional.empty();
    }
    long earliest = since.minusSeconds(60).toEpochMilli();
    return files.ids().stream()
        .map(this::find)
        .flatMap(Optional::stream)
        .filter(t -> t.seed() == seed && t.model().equals(submit.request().modelId()))
        .filter(t -> t.createdAtMillis() >= earliest)
        .map(SimulatedTask::id)
        .findFirst();
  }

  @Override
  public String submit(SubmitRequest submit) {
    var request = submit.request();
    triggers.checkSubmit(request.prompt());
    SimulatedTask task;
    synchronized (lock) {
      task = planner.plan(request, id -> tasks.containsKey(id) || files.exists(id));
      files.save(task);
      tasks.put(task.id(), task);
    }
    if (!task.willFail()) {
      renderer.ensureRendered(task, this::stillWanted, this::renderFailed);
    }
    return task.id();
  }

  @Override
  public Map<String, ProviderTask> poll(Collection<String> taskIds) {
    Map<String, ProviderTask> found = new LinkedHashMap<>();
    for (String id : taskIds) {
      find(id).ifPresent(task -> found.put(id, snapshot(task)));
    }
    return found;
  }

  @Override
  public CancelOutcome cancel(String taskId) {
    synchronized (lock) {
      SimulatedTask task = find(taskId).orElseThrow(() -> notFound(taskId));
      TaskState state = timeline.state(task, clock.instant(), renderer.isRendered(taskId));
      return switch (state) {
        case QUEUED -> {
          store(task.cancel());
          yield CancelOutcome.CANCELLED;
        }
        case CANCELLED -> CancelOutcome.CANCELLED;
        case RUNNING, SUCCEEDED, FAILED, EXPIRED -> CancelOutcome.TOO_LATE;
      };
    }
  }

  @Override
  public InputStream download(URI resultUrl) throws IOException {
    if (!"file".equals(resultUrl.getScheme())) {
      throw invalid("not a simulator result URL: " + resultUrl);
    }
    Path file = Path.of(resultUrl).toAbsolutePath().normalize();
    if (!file.startsWith(files.root()) || !files.contains(file)) {
      throw invalid("not a simulator result URL: " + resultUrl);
    }
    return Files.newInputStream(file);
  }

  private ProviderTask snapshot(SimulatedTask task) {
    boolean rendered = renderer.isRendered(task.id());
    if (!rendered && !task.cancelled() && !task.willFail()) {
      renderer.ensureRendered(task, this::stillWanted, this::renderFailed);
    }
    return timeline.snapshot(
        task,
        clock.instant(),
        rendered,
        files.video(task.id()).toUri(),
        files.lastFrame(task.id()).toUri());
  }

  private Optional<SimulatedTask> find(String id) {
    SimulatedTask known = tasks.get(id);
    if (known != null) {
      return Optional.of(known);
    }
    return files
        .load(id)
        .map(loaded -> Objects.requireNonNullElse(tasks.putIfAbsent(id, loaded), loaded));
  }

  private boolean stillWanted(String id) {
    SimulatedTask task = tasks.get(id);
    return task == null || !task.cancelled();
  }

  private void renderFailed(String id) {
    synchronized (lock) {
      find(id)
          .ifPresent(
              task ->
                  store(task.fail(TaskPlanner.INTERNAL_ERROR, TaskPlanner.INTERNAL_ERROR_MESSAGE)));
    }
  }

  private void store(SimulatedTask task) {
    files.save(task);
    tasks.put(task.id(), task);
  }

  private static ProviderException notFound(String taskId) {
    return new ProviderException(
        ProviderException.Kind.INVALID_REQUEST,
        "ResourceNotFound",
        "The specified task " + taskId + " is not found.",
        (Duration) null);
  }

  private static ProviderException invalid(String message) {
    return new ProviderException(
        ProviderException.Kind.INVALID_REQUEST, "InvalidParameter", message, (Duration) null);
  }
}
