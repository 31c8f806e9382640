package com.seedancebot.core.asset.s3;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The bucket's objects as the store needs them, one SDK call each, named {@code <prefix><id>}: SDK
 * failures become {@link IOException}s, a missing object a {@link NoSuchFileException}. Thread-safe
 * (the SDK's clients are).
 */
final class S3Objects implements AutoCloseable {

  private final S3Settings settings;
  private final S3Client s3;
  private final S3Presigner presigner;

  S3Objects(S3Settings settings, AwsCredentialsProvider credentials) {
    this.settings = settings;
    this.s3 = S3Clients.client(settings, credentials);
    this.presigner = S3Clients.presigner(settings, credentials);
  }

  /** Fails with a message naming the bucket and settings (never the keys) when it is unusable. */
  void checkBucket() {
    try {
      s3.headBucket(b -> b.bucket(settings.bucket()));
    } catch (SdkException e) {
      throw new IllegalStateException(
          "the S3 bucket '" + settings.bucket() + "' cannot be used (" + settings + "): " + e, e);
    }
  }

  /** Uploads a complete file with its length and the content type of its id. */
  void put(String id, Path file, long length, String contentType) throws IOException {
    call(
        "store",
        id,
        () ->
            s3.putObject(
                b ->
                    b.bucket(settings.bucket())
                        .key(key(id))
                        .contentType(contentType)
                        .contentLength(length),
                RequestBody.fromFile(file)));
  }

  /** The content from {@code offset} on, aborted if closed early; empty past the end. */
  InputStream get(String id, long offset) throws IOException {
    try {
      return new AbortingStream(
          s3.getObject(
              b -> {
                b.bucket(settings.bucket()).key(key(id));
                if (offset > 0) {
                  b.range("bytes=" + offset + "-");
                }
              }));
    } catch (S3Exception e) {
      if (e.statusCode() == 416) {
        return InputStream.nullInputStream(); // the offset is at or past the end
      }
      throw translated("read", id, e);
    } catch (SdkException e) {
      throw translated("read", id, e);
    }
  }

  OptionalLong size(String id) throws IOException {
    try {
      return OptionalLong.of(
          call("look up", id, () -> s3.headObject(b -> b.bucket(settings.bucket()).key(key(id))))
              .contentLength());
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    }
  }

  void delete(String id) throws IOException {
    call("delete", id, () -> s3.deleteObject(b -> b.bucket(settings.bucket()).key(key(id))));
  }

  /** The ids (keys without the prefix) of the objects last modified before {@code cutoff}. */
  List<String> listBefore(Instant cutoff) throws IOException {
    List<String> ids = new ArrayList<>();
    try {
      for (S3Object object :
          s3.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(settings.prefix()))
              .contents()) {
        if (object.lastModified().isBefore(cutoff)) {
          ids.add(object.key().substring(settings.prefix().length()));
        }
      }
    } catch (SdkException e) {
      throw new IOException("cannot list S3 bucket " + settings.bucket() + ": " + e, e);
    }
    return ids;
  }

  URI presign(String id, Duration ttl) {
    try {
      return presigner
          .presignGetObject(
              r ->
                  r.signatureDuration(ttl)
                      .getObjectRequest(g -> g.bucket(settings.bucket()).key(key(id))))
          .url()
          .toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the presigner made an invalid URL", e);
    }
  }

  @Override
  public void close() {
    presigner.close();
    s3.close();
  }

  private String key(String id) {
    return settings.prefix() + id;
  }

  private <T> T call(String action, String id, Supplier<T> request) throws IOException {
    try {
      return request.get();
    } catch (SdkException e) {
      throw translated(action, id, e);
    }
  }

  private IOException translated(String action, String id, SdkException e) {
    if (e instanceof S3Exception s3e && s3e.statusCode() == 404) {
      var missing = new NoSuchFileException("no asset " + id);
      missing.initCause(e);
      return missing;
    }
    return new IOException(
        "cannot " + action + " " + id + " in S3 bucket " + settings.bucket() + ": " + e, e);
  }
}
