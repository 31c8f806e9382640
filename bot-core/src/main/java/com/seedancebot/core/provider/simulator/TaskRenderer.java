package com.seedancebot.core.provider.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the clips of simulated tasks on the injected executor, at most one render per task at a
 * time. The PNG (when asked for) is moved into place before the MP4, so an existing MP4 means the
 * task's outputs are complete. Thread-safe.
 */
final class TaskRenderer {

  private static final Logger log = LoggerFactory.getLogger(TaskRenderer.class);

  private final SimulatorFiles files;
  private final ClipRenderer renderer;
  private final Executor executor;
  private final int longSide;
  private final int framesPerSecond;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  TaskRenderer(SimulatorFiles files, Executor executor, SimulatorSettings settings) {
    this.files = files;
    this.renderer = new ClipRenderer();
    this.executor = executor;
    this.longSide = settings.renderLongSide();
    this.framesPerSecond = settings.framesPerSecond();
  }

  /** Whether the task's outputs are complete on disk. */
  boolean isRendered(String taskId) {
    return Files.isRegularFile(files.video(taskId));
  }

  /**
   * Starts rendering unless it is done or already under way. {@code stillWanted} is asked just
   * before the work starts (a task cancelled meanwhile is skipped); {@code onFailure} receives the
   * task id when rendering fails (the cause is logged here).
   */
  void ensureRendered(
      SimulatedTask task, Predicate<String> stillWanted, Consumer<String> onFailure) {
    if (isRendered(task.id()) || !inFlight.add(task.id())) {
      return;
    }
    try {
      executor.execute(() -> renderNow(task, stillWanted, onFailure));
    } catch (RejectedExecutionException e) {
      inFlight.remove(task.id());
      log.warn("Simulator render of {} not started (executor refused); will retry", task.id());
    }
  }

  private void renderNow(
      SimulatedTask task, Predicate<String> stillWanted, Consumer<String> onFailure) {
    Path video = null;
    Path png = null;
    try {
      if (!stillWanted.test(task.id())) {
        return;
      }
      PixelSize size = ClipGeometry.renderSize(task.ratio(), longSide);
      ClipSpec spec =
          new ClipSpec(
              size.width(),
              size.height(),
              framesPerSecond,
              task.durationSeconds(),
              task.id(),
              task.prompt(),
              task.seed());
      video = files.tempResult(task.id(), ".mp4");
      png = task.returnLastFrame() ? files.tempResult(task.id(), ".png") : null;
      renderer.render(spec, video, png);
      if (png != null) {
        SimulatorFiles.moveInto(png, files.lastFrame(task.id()));
      }
      SimulatorFiles.moveInto(video, files.video(task.id()));
    } catch (IOException | RuntimeException e) {
      log.warn("Simulator render of {} failed", task.id(), e);
      deleteQuietly(video);
      deleteQuietly(png);
      onFailure.accept(task.id());
    } finally {
      inFlight.remove(task.id());
    }
  }

  private static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      log.debug("Could not delete {}", path, e);
    }
  }
}
