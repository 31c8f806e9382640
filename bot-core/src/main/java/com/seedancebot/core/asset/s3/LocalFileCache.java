package com.seedancebot.core.asset.s3;

import com.seedancebot.core.asset.AssetFile;
import com.seedancebot.core.asset.Staging;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Local copies of stored objects, bounded in bytes: files just uploaded stay here (a result is
 * inspected and delivered by the instance that collected it, without downloading it again), and
 * files downloaded for a reader that needs a file. A copy in use ({@linkplain #acquire acquired}
 * and not yet closed) is never evicted, so the directory exceeds its bound only by the files in use
 * at once; unused copies go least recently used first. Content is immutable per id, so a copy is
 * never stale. The directory is this instance's own and is emptied when the cache is created.
 * Thread-safe.
 */
final class LocalFileCache {

  private record Entry(Path file, long size, int users, boolean removed) {
    Entry withUsers(int delta) {
      return new Entry(file, size, users + delta, removed);
    }
  }

  private final Path dir;
  private final long maxBytes;
  private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  LocalFileCache(Path dir, long maxBytes) {
    this.dir = dir;
    this.maxBytes = maxBytes;
    try {
      Files.createDirectories(dir);
      try (Stream<Path> old = Files.list(dir)) {
        for (Path p : (Iterable<Path>) old::iterator) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the storage cache " + dir, e);
    }
  }

  /** A new empty file in the cache directory, for content on its way in. */
  Path newTempFile() throws IOException {
    return Files.createTempFile(dir, "incoming-", ".part");
  }

  /** Moves a complete file into the cache under {@code id}. */
  synchronized void put(String id, Path complete) throws IOException {
    admit(id, complete);
    evict();
  }

  /** The cached copy of {@code id}, downloaded first when missing; close it after use. */
  AssetFile acquire(String id, Staging.Fill download) throws IOException {
    Optional<AssetFile> cached = use(id);
    if (cached.isPresent()) {
      return cached.get();
    }
    Path tmp = newTempFile();
    try {
      download.into(tmp);
      synchronized (this) {
        admit(id, tmp);
        AssetFile file = use(id).orElseThrow(() -> new NoSuchFileException("no asset " + id));
        evict();
        return file;
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Moves a complete file in, unless a copy exists. */
  private void admit(String id, Path complete) throws IOException {
    if (entries.containsKey(id)) { // another thread cached it first (or it was just deleted)
      Files.deleteIfExists(complete);
      return;
    }
    Path file = dir.resolve(id);
    Files.move(complete, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    long size = Files.size(file);
    entries.put(id, new Entry(file, size, 0, false));
    bytes += size;
  }

  /** The size of a cached copy, if there is one. */
  synchronized OptionalLong size(String id) {
    Entry e = live(id);
    return e == null ? OptionalLong.empty() : OptionalLong.of(e.size());
  }

  /**
   * An open stream on the cached copy from byte {@code offset} on, if there is a copy (an open
   * stream stays readable after eviction).
   */
  synchronized Optional<InputStream> open(String id, long offset) throws IOException {
    Entry e = live(id);
    if (e == null) {
      return Optional.empty();
    }
    FileChannel channel = FileChannel.open(e.file(), StandardOpenOption.READ);
    channel.position(Math.max(0, offset));
    return Optional.of(Channels.newInputStream(channel));
  }

  /** Forgets the copy of {@code id}; a copy in use is deleted when its last user is done. */
  synchronized void remove(String id) throws IOException {
    Entry e = entries.get(id);
    if (e == null) {
      return;
    }
    if (e.users() > 0) {
      entries.put(id, new Entry(e.file(), e.size(), e.users(), true));
      return;
    }
    entries.remove(id);
    bytes -= e.size();
    Files.deleteIfExists(e.file());
  }

  private Entry live(String id) {
    Entry e = entries.get(id);
    return e == null || e.removed() ? null : e;
  }

  private synchronized Optional<AssetFile> use(String id) {
    Entry e = live(id);
    if (e == null) {
      return Optional.empty();
    }
    entries.put(id, e.withUsers(1));
    AtomicBoolean closed = new AtomicBoolean();
    return Optional.of(
        new AssetFile() {
          @Override
          public Path path() {
            return e.file();
          }

          @Override
          public void close() {
            if (closed.compareAndSet(false, true)) {
              release(id);
            }
          }
        });
  }

  private synchronized void release(String id) {
    Entry e = entries.get(id);
    if (e == null) {
      return;
    }
    entries.put(id, e.withUsers(-1));
    if (e.removed() && e.users() == 1) {
      entries.remove(id);
      bytes -= e.size();
      deleteQuietly(e.file());
    }
    evict();
  }

  private void evict() {
    Iterator<Map.Entry<String, Entry>> lru = entries.entrySet().iterator();
    while (bytes > maxBytes && lru.hasNext()) {
      Entry e = lru.next().getValue();
      if (e.users() == 0) {
        lru.remove();
        bytes -= e.size();
        deleteQuietly(e.file());
      }
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a file that cannot be deleted now is removed with the directory at the next start
    }
  }
}
