package com.seedancebot.core.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link AssetStore} contract, written once and run against every implementation: what is
 * stored or adopted reads back byte for byte (whole, from an offset, as a local file), sizes and
 * existence are right, deletion is final and idempotent, missing and ill-formed ids are missing,
 * concurrent stores never mix content, and a 50 MB file goes in and out as streams.
 */
public abstract class AssetStoreContract {

  private static final String MISSING = "0123456789abcdef0123456789abcdef.mp4";

  @TempDir protected Path scratch;

  /** The store under test, fresh for each test. */
  protected abstract AssetStore store() throws Exception;

  @Test
  void aStoredStreamReadsBackWithItsSize() throws Exception {
    AssetStore store = store();
    byte[] video = bytes(100_000, 1);

    String id = store.store(new ByteArrayInputStream(video), "MP4");

    assertThat(id).matches("[0-9a-f]{32}\\.mp4");
    assertThat(AssetIds.contentType(id)).isEqualTo("video/mp4");
    assertThat(read(store, id, 0)).isEqualTo(video);
    assertThat(store.size(id)).hasValue(video.length);
    assertThat(store.exists(id)).isTrue();
  }

  @Test
  void anAdoptedFileIsTakenIntoTheStore() throws Exception {
    AssetStore store = store();
    byte[] image = bytes(5_000, 2);
    Path file = Files.write(scratch.resolve("upload.part"), image);

    String id = store.adopt(file, "png");

    assertThat(id).endsWith(".png");
    assertThat(file).doesNotExist();
    assertThat(read(store, id, 0)).isEqualTo(image);
  }

  @Test
  void readingFromAnOffsetGivesTheRestAndPastTheEndNothing() throws Exception {
    AssetStore store = store();
    byte[] video = bytes(10_000, 3);
    String id = store.store(new ByteArrayInputStream(video), "mp4");

    assertThat(read(store, id, 9_000))
        .isEqualTo(java.util.Arrays.copyOfRange(video, 9_000, 10_000));
    assertThat(read(store, id, 10_000)).isEmpty();
    assertThat(read(store, id, 20_000)).isEmpty();
  }

  @Test
  void aLocalFileHoldsTheContentUntilClosed() throws Exception {
    AssetStore store = store();
    byte[] video = bytes(30_000, 4);
    String id = store.store(new ByteArrayInputStream(video), "mp4");

    try (AssetFile file = store.localFile(id)) {
      assertThat(Files.readAllBytes(file.path())).isEqualTo(video);
    }
  }

  @Test
  void aDeletedAssetIsGoneAndDeletingAgainDoesNothing() throws Exception {
    AssetStore store = store();
    String id = store.store(new ByteArrayInputStream(bytes(1_000, 5)), "jpg");

    store.delete(id);
    store.delete(id);

    assertThat(store.exists(id)).isFalse();
    assertThat(store.size(id)).isEmpty();
    assertThatThrownBy(() -> store.open(id)).isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> store.localFile(id)).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void storedAssetsAreListedByWhenTheyWereWritten() throws Exception {
    AssetStore store = store();
    java.time.Instant before = java.time.Instant.now().minus(java.time.Duration.ofHours(1));
    String first = store.store(new ByteArrayInputStream(bytes(100, 1)), "png");
    String second = store.store(new ByteArrayInputStream(bytes(100, 2)), "mp4");
    java.time.Instant after = java.time.Instant.now().plus(java.time.Duration.ofMinutes(1));

    assertThat(store.storedBefore(after)).contains(first, second);
    assertThat(store.storedBefore(before)).doesNotContain(first, second);
    store.delete(first);
    assertThat(store.storedBefore(after)).doesNotContain(first).contains(second);
  }

  @Test
  void missingAndIllFormedIdsAreMissing() throws Exception {
    AssetStore store = store();
    store.store(new ByteArrayInputStream(bytes(10, 6)), "mp4");

    for (String id : List.of(MISSING, "../signing.key", "ABCDEF.mp4", "")) {
      assertThat(store.exists(id)).as(id).isFalse();
      assertThat(store.size(id)).as(id).isEmpty();
      assertThatThrownBy(() -> store.open(id)).as(id).isInstanceOf(NoSuchFileException.class);
      assertThatThrownBy(() -> store.localFile(id)).as(id).isInstanceOf(NoSuchFileException.class);
      store.delete(id);
    }
    assertThat(store.exists(null)).isFalse();
  }

  @Test
  void concurrentStoresKeepEveryContentApart() throws Exception {
    AssetStore store = store();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String[]>> stored = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        byte[] content = bytes(20_000 + i, 100 + i);
        Callable<String[]> put =
            () ->
                new String[] {store.store(new ByteArrayInputStream(content), "mp4"), hex(content)};
        stored.add(pool.submit(put));
      }
      Set<String> ids = new HashSet<>();
      for (Future<String[]> f : stored) {
        String[] idAndDigest = f.get(60, TimeUnit.SECONDS);
        ids.add(idAndDigest[0]);
        assertThat(hex(read(store, idAndDigest[0], 0))).isEqualTo(idAndDigest[1]);
      }
      assertThat(ids).hasSize(32);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFiftyMegabyteFileStreamsInAndOut() throws Exception {
    AssetStore store = store();
    long size = 50L * 1024 * 1024;
    MessageDigest in = MessageDigest.getInstance("SHA-256");

    String id = store.store(new GeneratedStream(size, in), "mp4");

    MessageDigest out = MessageDigest.getInstance("SHA-256");
    try (InputStream stored = store.open(id)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = stored.read(buffer)) >= 0; ) {
        out.update(buffer, 0, n);
      }
    }
    assertThat(store.size(id)).hasValue(size);
    assertThat(out.digest()).isEqualTo(in.digest());
  }

  protected static byte[] bytes(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  protected static byte[] read(AssetStore store, String id, long offset) throws IOException {
    try (InputStream in = store.open(id, offset)) {
      return in.readAllBytes();
    }
  }

  private static String hex(byte[] content) throws Exception {
    return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  /** {@code size} pseudo-random bytes made as they are read, digested on the way. */
  private static final class GeneratedStream extends InputStream {
    private final Random random = new Random(7);
    private final MessageDigest digest;
    private long left;

    GeneratedStream(long size, MessageDigest digest) {
      this.left = size;
      this.digest = digest;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int len) {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      byte[] chunk = new byte[n];
      random.nextBytes(chunk);
      System.arraycopy(chunk, 0, buffer, off, n);
      digest.update(chunk);
      left -= n;
      return n;
    }
  }
}
