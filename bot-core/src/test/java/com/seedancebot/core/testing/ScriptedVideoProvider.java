package com.seedancebot.core.testing;

import com.seedancebot.core.provider.CancelOutcome;
import com.seedancebot.core.provider.ProviderException;
import com.seedancebot.core.provider.ProviderTask;
import com.seedancebot.core.provider.SubmitRequest;
import com.seedancebot.core.provider.TaskState;
import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.request.ModelFamily;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory provider whose tasks a test moves by hand, for testing the core's pipeline (not a
 * provider client). Records every submission and poll; can be told to fail the next calls.
 */
public final class ScriptedVideoProvider implements VideoProvider {

  private final String name;
  private final int maxConcurrent;
  private final Map<String, ProviderTask> tasks = new ConcurrentHashMap<>();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  public final List<SubmitRequest> submissions = new CopyOnWriteArrayList<>();
  public final List<List<String>> polls = new CopyOnWriteArrayList<>();
  public final java.util.concurrent.atomic.AtomicInteger downloads =
      new java.util.concurrent.atomic.AtomicInteger();
  private final Queue<ProviderException> submitFailures = new ArrayDeque<>();
  private final Map<Long, String> taskBySeed = new ConcurrentHashMap<>();
  private int next;
  private int loseAnswers;
  private boolean canFindCreated;

  public ScriptedVideoProvider(String name, int maxConcurrent) {
    this.name = name;
    this.maxConcurrent = maxConcurrent;
  }

  /** The next submit throws {@code e}. */
  public synchronized void failNextSubmit(ProviderException e) {
    submitFailures.add(e);
  }

  /**
   * The next {@code n} creates make their task but their answer is lost on the way back (a timeout
   * or a dropped connection after the request went through).
   */
  public synchronized void loseNextSubmitAnswers(int n) {
    loseAnswers = n;
  }

  private volatile ProviderException pollFailure;

  /** Every poll from now on throws {@code e} (null: polls work again). */
  public void failPolls(ProviderException e) {
    pollFailure = e;
  }

  /** Whether this provider can look for a task a lost create made (as Ark's list can). */
  public void canFindCreated(boolean can) {
    canFindCreated = can;
  }

  @Override
  public boolean canFindCreated() {
    return canFindCreated;
  }

  @Override
  public java.util.Optional<String> findCreated(SubmitRequest request, java.time.Instant since) {
    Long seed = request.request().seed();
    return seed == null
        ? java.util.Optional.empty()
        : java.util.Optional.ofNullable(taskBySeed.get(seed));
  }

  /** Moves a task to a state; SUCCEEDED tasks serve {@code video} as their result. */
  public void set(String taskId, TaskState state) {
    tasks.put(taskId, ProviderTask.inState(taskId, state));
  }

  public void succeed(String taskId, byte[] video, Long seed) {
    URI url = URI.create("https://results.example/" + taskId + ".mp4?X-Tos-Signature=abc");
    files.put(url.toString(), video);
    tasks.put(
        taskId,
        new ProviderTask(
            taskId, TaskState.SUCCEEDED, 100, url, null, 1000L, seed, 4.0, null, null));
  }

  /** Like {@link #succeed}, and the task also offers {@code lastFrame} as its last frame PNG. */
  public void succeedWithLastFrame(String taskId, byte[] video, Long seed, byte[] lastFrame) {
    URI url = URI.create("https://results.example/" + taskId + ".mp4?X-Tos-Signature=abc");
    URI frame = URI.create("https://results.example/" + taskId + "-last.png?X-Tos-Signature=abc");
    files.put(url.toString(), video);
    files.put(frame.toString(), lastFrame);
    tasks.put(
        taskId,
        new ProviderTask(
            taskId, TaskState.SUCCEEDED, 100, url, frame, 1000L, seed, 4.0, null, null));
  }

  public void fail(String taskId, String code) {
    tasks.put(
        taskId,
        new ProviderTask(
            taskId, TaskState.FAILED, null, null, null, null, null, null, code, "refused"));
  }

  public List<String> taskIds() {
    return List.copyOf(tasks.keySet());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ModelFamily family() {
    return ModelFamily.ARK;
  }

  @Override
  public int maxConcurrentTasks() {
    return maxConcurrent;
  }

  @Override
  public synchronized String submit(SubmitRequest request) {
    ProviderException failure = submitFailures.poll();
    if (failure != null) {
      throw failure;
    }
    submissions.add(request);
    String id = "task-" + (++next);
    tasks.put(id, ProviderTask.inState(id, TaskState.QUEUED));
    if (request.request().seed() != null) {
      taskBySeed.put(request.request().seed(), id);
    }
    if (loseAnswers > 0) {
      loseAnswers--;
      throw ProviderException.outcomeUnknown(null, name + ": POST timed out", null);
    }
    return id;
  }

  @Override
  public Map<String, ProviderTask> poll(Collection<String> taskIds) {
    polls.add(List.copyOf(taskIds));
    if (pollFailure != null) {
      throw pollFailure;
    }
    Map<String, ProviderTask> answer = new LinkedHashMap<>();
    for (String id : taskIds) {
      ProviderTask t = tasks.get(id);
      if (t != null) {
        answer.put(id, t);
      }
    }
    return answer;
  }

  @Override
  public CancelOutcome cancel(String taskId) {
    ProviderTask t = tasks.get(taskId);
    if (t != null && t.state() == TaskState.QUEUED) {
      set(taskId, TaskState.CANCELLED);
      return CancelOutcome.CANCELLED;
    }
    return CancelOutcome.TOO_LATE;
  }

  @Override
  public InputStream download(URI resultUrl) throws IOException {
    downloads.incrementAndGet();
    byte[] bytes = files.get(resultUrl.toString());
    if (bytes == null) {
      throw new IOException("no such result");
    }
    return new ByteArrayInputStream(bytes);
  }
}
