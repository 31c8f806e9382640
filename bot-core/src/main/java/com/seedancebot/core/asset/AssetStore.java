package com.seedancebot.core.asset;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The bot's file storage (port): re-hosted attachments, result videos and last frames, each under
 * an unguessable id from {@link AssetIds} that carries its extension. Content never changes once
 * stored, and a store never exposes a partly written file under its id. Content moves as streams or
 * files, never as a whole in memory. An id that is not {@linkplain AssetIds#isWellFormed
 * well-formed} is treated as missing. Implementations are thread-safe: {@link LocalDiskAssetStore}
 * (one instance, the default) and {@code S3AssetStore} (an S3-compatible object store that several
 * instances share).
 */
public interface AssetStore {

  /** Streams {@code content} into a new asset and returns its id; the caller closes the stream. */
  String store(InputStream content, String extension) throws IOException;

  /**
   * Takes a local file into the store as a new asset and returns its id. On success the file is
   * gone from {@code file}; on failure it may remain there and the caller deletes it.
   */
  String adopt(Path file, String extension) throws IOException;

  /**
   * The content from byte {@code offset} on (an offset at or past the end gives an empty stream);
   * the caller closes it. Throws {@link NoSuchFileException} for a missing asset.
   */
  InputStream open(String assetId, long offset) throws IOException;

  /** The whole content; see {@link #open(String, long)}. */
  default InputStream open(String assetId) throws IOException {
    return open(assetId, 0);
  }

  /** The size in bytes, or empty when there is no such asset. */
  OptionalLong size(String assetId) throws IOException;

  /** Whether the asset exists. */
  default boolean exists(String assetId) throws IOException {
    return size(assetId).isPresent();
  }

  /** Removes the asset; removing a missing one does nothing. */
  void delete(String assetId) throws IOException;

  /**
   * The ids of the assets stored (last written) before {@code cutoff}, for retention. Files still
   * being written are never listed.
   */
  List<String> storedBefore(Instant cutoff) throws IOException;

  /**
   * A local file with the asset's content, for readers that need a file (MP4 box parsing, platform
   * uploads), readable until the handle is closed. Throws {@link NoSuchFileException} for a missing
   * asset.
   */
  AssetFile localFile(String assetId) throws IOException;

  /**
   * A URL of the store itself that serves the asset without further credentials for {@code ttl}, if
   * the store can sign one without putting a secret into it; empty otherwise (the default).
   */
  default Optional<URI> presignedUrl(String assetId, Duration ttl) {
    return Optional.empty();
  }
}
