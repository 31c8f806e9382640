package com.seedancebot.core.asset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The embedded {@link AssetStore}: files under {@code <BOT_DATA_DIR>/assets}, named by their ids,
 * for one instance. Content is written to a temporary name in the same directory and moved into
 * place atomically, so a crash never leaves a half-written asset under its id. {@link #localFile}
 * hands out the stored file itself. Thread-safe.
 */
public final class LocalDiskAssetStore implements AssetStore {

  private final Path root;

  public LocalDiskAssetStore(Path dataDir) {
    this.root = dataDir.resolve("assets");
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create asset directory " + root, e);
    }
  }

  @Override
  public String store(InputStream content, String extension) throws IOException {
    return Staging.fromStream(incoming(), content, extension, this::publish);
  }

  @Override
  public String adopt(Path file, String extension) throws IOException {
    return Staging.fromFile(incoming(), file, extension, this::publish);
  }

  @Override
  public InputStream open(String assetId, long offset) throws IOException {
    FileChannel channel = FileChannel.open(existing(assetId), StandardOpenOption.READ);
    channel.position(Math.max(0, offset));
    return Channels.newInputStream(channel);
  }

  @Override
  public OptionalLong size(String assetId) throws IOException {
    if (!AssetIds.isWellFormed(assetId)) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Files.size(root.resolve(assetId)));
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public void delete(String assetId) throws IOException {
    if (AssetIds.isWellFormed(assetId)) {
      Files.deleteIfExists(root.resolve(assetId));
    }
  }

  @Override
  public List<String> storedBefore(Instant cutoff) throws IOException {
    List<String> old = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(root)) {
      for (Path file : files) {
        String id = file.getFileName().toString();
        if (AssetIds.isWellFormed(id) && modifiedBefore(file, cutoff)) {
          old.add(id);
        }
      }
    }
    return old;
  }

  private static boolean modifiedBefore(Path file, Instant cutoff) throws IOException {
    try {
      return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
    } catch (NoSuchFileException e) {
      return false; // deleted meanwhile
    }
  }

  @Override
  public AssetFile localFile(String assetId) throws IOException {
    Path file = existing(assetId);
    return new AssetFile() {
      @Override
      public Path path() {
        return file;
      }

      @Override
      public void close() {
        // the stored file itself: nothing to release
      }
    };
  }

  private Path incoming() throws IOException {
    return Files.createTempFile(root, "incoming-", ".part");
  }

  private void publish(Path complete, String id) throws IOException {
    Files.move(complete, root.resolve(id), StandardCopyOption.ATOMIC_MOVE);
  }

  private Path existing(String assetId) throws NoSuchFileException {
    if (!AssetIds.isWellFormed(assetId) || !Files.isRegularFile(root.resolve(assetId))) {
      throw new NoSuchFileException("no asset " + assetId);
    }
    return root.resolve(assetId);
  }
}
