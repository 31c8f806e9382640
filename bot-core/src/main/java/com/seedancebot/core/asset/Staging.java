package com.seedancebot.core.asset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How a store takes content in: into a temporary file of its own first, then published whole under
 * a new id; the temporary file is gone afterwards, whatever happened. So no store ever shows a
 * partly written asset, and a failed write leaves nothing behind.
 */
public final class Staging {

  /** Writes content into an (existing, empty) temporary file. */
  @FunctionalInterface
  public interface Fill {
    void into(Path tmp) throws IOException;
  }

  /** Makes a complete temporary file the asset {@code id} (it may move the file). */
  @FunctionalInterface
  public interface Publish {
    void as(Path complete, String id) throws IOException;
  }

  private Staging() {}

  /** Copies {@code content} into {@code tmp} and publishes it; returns the new id. */
  public static String fromStream(Path tmp, InputStream content, String extension, Publish publish)
      throws IOException {
    return stage(
        tmp, t -> Files.copy(content, t, StandardCopyOption.REPLACE_EXISTING), extension, publish);
  }

  /**
   * Moves {@code file} to {@code tmp} (a copy when on another file system) and publishes it;
   * returns the new id.
   */
  public static String fromFile(Path tmp, Path file, String extension, Publish publish)
      throws IOException {
    return stage(
        tmp, t -> Files.move(file, t, StandardCopyOption.REPLACE_EXISTING), extension, publish);
  }

  private static String stage(Path tmp, Fill fill, String extension, Publish publish)
      throws IOException {
    try {
      fill.into(tmp);
      String id = AssetIds.newId(extension);
      publish.as(tmp, id);
      return id;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
