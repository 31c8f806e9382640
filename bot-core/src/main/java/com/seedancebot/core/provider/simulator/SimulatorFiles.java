package com.seedancebot.core.provider.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's work directory: {@code tasks/<id>.json} records and {@code results/<id>.mp4} /
 * {@code results/<id>.png} outputs. Every file appears atomically (written to a temporary name,
 * then moved), so a process killed mid-write leaves either the old file or none. Thread-safe.
 */
final class SimulatorFiles {

  /** {@code cgt-<yyyyMMddHHmmss>-<5 lowercase alnum>}; also keeps ids from escaping the dir. */
  static final Pattern TASK_ID = Pattern.compile("cgt-\\d{14}-[a-z0-9]{5}");

  private final Path root;
  private final Path tasks;
  private final Path results;
  private final JsonMapper json = JsonMapper.builder().build();

  SimulatorFiles(Path workDir) {
    try {
      this.root = Files.createDirectories(workDir).toRealPath();
      this.tasks = Files.createDirectories(root.resolve("tasks"));
      this.results = Files.createDirectories(root.resolve("results"));
      deleteLeftovers(tasks, "*.tmp");
      deleteLeftovers(results, "*.part");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create simulator work dir " + workDir, e);
    }
  }

  /** Temporary files of a process that was killed mid-write are useless: drop them. */
  private static void deleteLeftovers(Path dir, String glob) throws IOException {
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
      for (Path leftover : stream) {
        Files.deleteIfExists(leftover);
      }
    }
  }

  Path root() {
    return root;
  }

  Path video(String id) {
    return results.resolve(id + ".mp4");
  }

  Path lastFrame(String id) {
    return results.resolve(id + ".png");
  }

  boolean exists(String id) {
    return Files.exists(tasks.resolve(id + ".json"));
  }

  /** Every stored task id (a directory listing; for looking up a create whose answer was lost). */
  java.util.List<String> ids() {
    try (var names = Files.list(tasks)) {
      return names
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .filter(id -> TASK_ID.matcher(id).matches())
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The stored task, or empty when the id is malformed or unknown. */
  Optional<SimulatedTask> load(String id) {
    if (!TASK_ID.matcher(id).matches()) {
      return Optional.empty();
    }
    Path file = tasks.resolve(id + ".json");
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(file, SimulatedTask.class));
    } catch (JacksonException e) {
      throw new UncheckedIOException(new IOException("unreadable simulator task " + id, e));
    }
  }

  void save(SimulatedTask task) {
    try {
      Path temp = Files.createTempFile(tasks, task.id(), ".tmp");
      Files.write(temp, json.writeValueAsBytes(task));
      moveInto(temp, tasks.resolve(task.id() + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save simulator task " + task.id(), e);
    }
  }

  /** A fresh temporary path next to the results, for rendering into. */
  Path tempResult(String id, String suffix) throws IOException {
    return Files.createTempFile(results, id, suffix + ".part");
  }

  /** Moves a finished temporary file to its final name, replacing any older one. */
  static void moveInto(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Whether {@code file} lies inside the work dir (after resolving links and dots). */
  boolean contains(Path file) throws IOException {
    return file.toRealPath().startsWith(root);
  }
}
