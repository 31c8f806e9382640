package com.seedancebot.core.provider.simulator;

import com.seedancebot.core.retention.Retained;
import com.seedancebot.core.retention.Sweeper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Deletes the simulator's expired tasks from its work directory (see {@link SimulatorFiles}): a
 * task record written before the cutoff goes with its video and last frame, unless a job still
 * needs that task. Temporary files are left to the simulator. A missing work directory (no
 * simulator configured) sweeps nothing. Thread-safe.
 */
public final class SimulatorSweeper implements Sweeper {

  private final Path workDir;

  /**
   * @param workDir the simulator's work directory, e.g. {@code <BOT_DATA_DIR>/simulator}
   */
  public SimulatorSweeper(Path workDir) {
    this.workDir = workDir;
  }

  @Override
  public String name() {
    return "simulator files";
  }

  @Override
  public int sweep(Instant cutoff, Retained keep) throws IOException {
    Path tasks = workDir.resolve("tasks");
    Path results = workDir.resolve("results");
    if (!Files.isDirectory(tasks)) {
      return 0;
    }
    int deleted = 0;
    try (DirectoryStream<Path> records = Files.newDirectoryStream(tasks, "*.json")) {
      for (Path record : records) {
        String name = record.getFileName().toString();
        String id = name.substring(0, name.length() - ".json".length());
        if (SimulatorFiles.TASK_ID.matcher(id).matches()
            && !keep.providerTaskIds().contains(id)
            && writtenBefore(record, cutoff)) {
          Files.deleteIfExists(results.resolve(id + ".mp4"));
          Files.deleteIfExists(results.resolve(id + ".png"));
          Files.deleteIfExists(record);
          deleted++;
        }
      }
    }
    return deleted;
  }

  private static boolean writtenBefore(Path file, Instant cutoff) throws IOException {
    try {
      return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
    } catch (NoSuchFileException e) {
      return false;
    }
  }
}
