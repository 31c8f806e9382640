package com.seedancebot.core.asset.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.asset.AssetFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bound of the local copies: least recently used go first, copies in use never. */
class LocalFileCacheTest {

  @TempDir Path dir;

  @Test
  void leftoversOfAnEarlierRunAreRemovedAtStart() throws Exception {
    Files.writeString(Files.createDirectories(dir.resolve("cache")).resolve("old.mp4"), "old");

    new LocalFileCache(dir.resolve("cache"), 100);

    try (var files = Files.list(dir.resolve("cache"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void beyondTheBoundTheLeastRecentlyUsedCopiesGo() throws Exception {
    LocalFileCache cache = new LocalFileCache(dir.resolve("cache"), 250);
    put(cache, "a", 100);
    put(cache, "b", 100);
    cache.size("a"); // a used more recently than b

    put(cache, "c", 100);

    assertThat(cache.size("a")).isPresent();
    assertThat(cache.size("b")).isEmpty();
    assertThat(cache.size("c")).isPresent();
    assertThat(dir.resolve("cache").resolve("b")).doesNotExist();
  }

  @Test
  void aCopyInUseStaysPastTheBoundAndGoesWhenReleased() throws Exception {
    LocalFileCache cache = new LocalFileCache(dir.resolve("cache"), 0);
    AtomicInteger downloads = new AtomicInteger();

    try (AssetFile file = cache.acquire("v", target -> download(target, downloads))) {
      try (AssetFile again = cache.acquire("v", target -> download(target, downloads))) {
        assertThat(again.path()).isEqualTo(file.path());
      }
      assertThat(Files.readString(file.path())).isEqualTo("content");
      assertThat(downloads).hasValue(1);
    }

    assertThat(cache.size("v")).isEmpty();
    try (var files = Files.list(dir.resolve("cache"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aCopyRemovedWhileInUseIsDeletedWhenReleased() throws Exception {
    LocalFileCache cache = new LocalFileCache(dir.resolve("cache"), 1000);
    AssetFile file = cache.acquire("v", target -> download(target, new AtomicInteger()));

    cache.remove("v");

    assertThat(cache.size("v")).isEmpty();
    assertThat(file.path()).exists();
    file.close();
    assertThat(file.path()).doesNotExist();
  }

  private static void put(LocalFileCache cache, String id, int size) throws Exception {
    Path tmp = cache.newTempFile();
    Files.write(tmp, new byte[size]);
    cache.put(id, tmp);
  }

  private static void download(Path target, AtomicInteger downloads) throws java.io.IOException {
    downloads.incrementAndGet();
    Files.writeString(target, "content");
  }
}
