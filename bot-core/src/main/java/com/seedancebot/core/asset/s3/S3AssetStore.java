package com.seedancebot.core.asset.s3;

import com.seedancebot.core.asset.AssetFile;
import com.seedancebot.core.asset.AssetIds;
import com.seedancebot.core.asset.AssetStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

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

  private final S3Client s3;
  private final S3Presigner presigner;
  private final AwsCredentialsProvider credentials;
  private final S3Settings settings;
  private final LocalFileCache cache;
  private final AtomicBoolean sessionWarned = new AtomicBoolean();

  private S3AssetStore(S3Settings settings, AwsCredentialsProvider credentials) {
    this.settings = settings;
    this.credentials = credentials;
    this.s3 = S3Clients.client(settings, credentials);
    this.presigner = S3Clients.presigner(settings, credentials);
    this.cache = new LocalFileCache(settings.cacheDir(), settings.cacheBytes());
  }

  /** Connects and checks that the bucket can be reached, failing with a message saying why not. */
  public static S3AssetStore connect(S3Settings settings) {
    S3AssetStore store = new S3AssetStore(settings, S3Clients.credentials(settings));
    try {
      store.s3.headBucket(b -> b.bucket(settings.bucket()));
    } catch (SdkException e) {
      throw new IllegalStateException(
          "the S3 bucket '" + settings.bucket() + "' cannot be used (" + settings + "): " + e, e);
    }
    log.info("Files are kept in {}", settings);
    return store;
  }

  @Override
  public String store(InputStream content, String extension) throws IOException {
    Path tmp = cache.newTempFile();
    try {
      Files.copy(content, tmp, StandardCopyOption.REPLACE_EXISTING);
      return upload(tmp, extension);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public String adopt(Path file, String extension) throws IOException {
    Path tmp = cache.newTempFile();
    try {
      Files.move(file, tmp, StandardCopyOption.REPLACE_EXISTING);
      return upload(tmp, extension);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public InputStream open(String assetId, long offset) throws IOException {
    requireWellFormed(assetId);
    Optional<InputStream> cached = cache.open(assetId, offset);
    if (cached.isPresent()) {
      return cached.get();
    }
    try {
      return new AbortingStream(
          s3.getObject(
              b -> {
                b.bucket(settings.bucket()).key(key(assetId));
                if (offset > 0) {
                  b.range("bytes=" + offset + "-");
                }
              }));
    } catch (S3Exception e) {
      if (e.statusCode() == 416) {
        return InputStream.nullInputStream(); // the offset is at or past the end
      }
      throw translated("read", assetId, e);
    } catch (SdkException e) {
      throw translated("read", assetId, e);
    }
  }

  @Override
  public OptionalLong size(String assetId) throws IOException {
    if (!AssetIds.isWellFormed(assetId)) {
      return OptionalLong.empty();
    }
    OptionalLong cached = cache.size(assetId);
    if (cached.isPresent()) {
      return cached;
    }
    try {
      return OptionalLong.of(
          s3.headObject(b -> b.bucket(settings.bucket()).key(key(assetId))).contentLength());
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return OptionalLong.empty();
      }
      throw translated("look up", assetId, e);
    } catch (SdkException e) {
      throw translated("look up", assetId, e);
    }
  }

  @Override
  public void delete(String assetId) throws IOException {
    if (!AssetIds.isWellFormed(assetId)) {
      return;
    }
    cache.remove(assetId);
    try {
      s3.deleteObject(b -> b.bucket(settings.bucket()).key(key(assetId)));
    } catch (SdkException e) {
      throw translated("delete", assetId, e);
    }
  }

  @Override
  public AssetFile localFile(String assetId) throws IOException {
    requireWellFormed(assetId);
    return cache.acquire(
        assetId,
        target -> {
          try (InputStream in = open(assetId, 0)) {
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
    try {
      return Optional.of(
          presigner
              .presignGetObject(
                  r ->
                      r.signatureDuration(ttl)
                          .getObjectRequest(g -> g.bucket(settings.bucket()).key(key(assetId))))
              .url()
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the presigner made an invalid URL", e);
    }
  }

  /** Closes the SDK's clients. */
  @Override
  public void close() {
    presigner.close();
    s3.close();
  }

  private String upload(Path complete, String extension) throws IOException {
    String id = AssetIds.newId(extension);
    long length = Files.size(complete);
    try {
      s3.putObject(
          b ->
              b.bucket(settings.bucket())
                  .key(key(id))
                  .contentType(AssetIds.contentType(id))
                  .contentLength(length),
          RequestBody.fromFile(complete));
    } catch (SdkException e) {
      throw translated("store", id, e);
    }
    cache.put(id, complete);
    return id;
  }

  private String key(String assetId) {
    return settings.prefix() + assetId;
  }

  private static void requireWellFormed(String assetId) throws NoSuchFileException {
    if (!AssetIds.isWellFormed(assetId)) {
      throw new NoSuchFileException("no asset " + assetId);
    }
  }

  private IOException translated(String action, String assetId, SdkException e) {
    if (e instanceof S3Exception s3e && s3e.statusCode() == 404) {
      var missing = new NoSuchFileException("no asset " + assetId);
      missing.initCause(e);
      return missing;
    }
    return new IOException(
        "cannot " + action + " " + assetId + " in S3 bucket " + settings.bucket() + ": " + e, e);
  }
}
