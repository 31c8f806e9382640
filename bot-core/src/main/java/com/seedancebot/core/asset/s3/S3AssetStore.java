package com.seedancebot.core.asset.s3;

import com.seedancebot.core.asset.AssetFile;
import com.seedancebot.core.asset.AssetIds;
import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.Staging;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * An {@link AssetStore} in an S3-compatible bucket, shared by every instance: objects are named
 * {@code <prefix><assetId>} and carry their content type. Content is spooled to a local file and
 * uploaded with its length, so nothing is held in memory and an object appears only complete. Reads
 * stream from the bucket (ranges start at their offset); readers that need a file get a copy from a
 * bounded {@link LocalFileCache}, which also keeps what this instance just stored. Presigned URLs
 * are offered only for credentials without a session token, so no URL carries a token. SDK failures
 * surface as {@link IOException}s. Thread-safe.
 */
public final class S3AssetStore implements AssetStore, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(S3AssetStore.class);

  /** S3's longest presigned-URL lifetime. */
  private static final Duration MAX_PRESIGNED = Duration.ofDays(7);

  private final S3Objects objects;
  private final AwsCredentialsProvider credentials;
  private final LocalFileCache cache;
  private final AtomicBoolean sessionWarned = new AtomicBoolean();

  private S3AssetStore(S3Settings settings, AwsCredentialsProvider credentials) {
    this.credentials = credentials;
    this.objects = new S3Objects(settings, credentials);
    this.cache = new LocalFileCache(settings.cacheDir(), settings.cacheBytes());
  }

  /** Connects and checks that the bucket can be used, failing with a message saying why not. */
  public static S3AssetStore connect(S3Settings settings) {
    S3AssetStore store = new S3AssetStore(settings, S3Clients.credentials(settings));
    try {
      store.objects.checkBucket();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    log.info("Files are kept in {}", settings);
    return store;
  }

  @Override
  public String store(InputStream content, String extension) throws IOException {
    return Staging.fromStream(cache.newTempFile(), content, extension, this::upload);
  }

  @Override
  public String adopt(Path file, String extension) throws IOException {
    return Staging.fromFile(cache.newTempFile(), file, extension, this::upload);
  }

  @Override
  public InputStream open(String assetId, long offset) throws IOException {
    requireWellFormed(assetId);
    Optional<InputStream> cached = cache.open(assetId, offset);
    return cached.isPresent() ? cached.get() : objects.get(assetId, offset);
  }

  @Override
  public OptionalLong size(String assetId) throws IOException {
    if (!AssetIds.isWellFormed(assetId)) {
      return OptionalLong.empty();
    }
    OptionalLong cached = cache.size(assetId);
    return cached.isPresent() ? cached : objects.size(assetId);
  }

  @Override
  public void delete(String assetId) throws IOException {
    if (AssetIds.isWellFormed(assetId)) {
      cache.remove(assetId);
      objects.delete(assetId);
    }
  }

  @Override
  public List<String> storedBefore(Instant cutoff) throws IOException {
    return objects.listBefore(cutoff).stream().filter(AssetIds::isWellFormed).toList();
  }

  @Override
  public AssetFile localFile(String assetId) throws IOException {
    requireWellFormed(assetId);
    return cache.acquire(
        assetId,
        target -> {
          try (InputStream in = objects.get(assetId, 0)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
        });
  }

  @Override
  public Optional<URI> presignedUrl(String assetId, Duration ttl) {
    if (!AssetIds.isWellFormed(assetId) || ttl.compareTo(MAX_PRESIGNED) > 0) {
      return Optional.empty();
    }
    if (credentials.resolveCredentials() instanceof AwsSessionCredentials) {
      if (sessionWarned.compareAndSet(false, true)) {
        log.warn(
            "S3 credentials carry a session token, which a presigned URL would expose: providers"
                + " get the bot's own signed links instead");
      }
      return Optional.empty();
    }
    return Optional.of(objects.presign(assetId, ttl));
  }

  /** Closes the SDK's clients. */
  @Override
  public void close() {
    objects.close();
  }

  /** Uploads a complete file, then keeps it as this instance's local copy. */
  private void upload(Path complete, String id) throws IOException {
    objects.put(id, complete, Files.size(complete), AssetIds.contentType(id));
    cache.put(id, complete);
  }

  private static void requireWellFormed(String assetId) throws NoSuchFileException {
    if (!AssetIds.isWellFormed(assetId)) {
      throw new NoSuchFileException("no asset " + assetId);
    }
  }
}
