package com.seedancebot.core.asset.s3;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how to reach an S3-compatible bucket, and the local cache of its files.
 *
 * @param endpoint the store's URL (MinIO, S3Proxy, …), or null for AWS S3 itself
 * @param bucket the bucket; it must exist
 * @param region the signing region; {@code us-east-1} when null (most compatible stores ignore it)
 * @param accessKey the access key id, or null to use the AWS SDK's default chain ({@code
 *     AWS_ACCESS_KEY_ID}, profiles, instance roles …)
 * @param secretKey the secret key, set exactly when {@code accessKey} is
 * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}, as
 *     MinIO and S3Proxy need
 * @param prefix a key prefix for every object (e.g. {@code seedance/}), may be empty
 * @param cacheDir where local copies of objects are kept (emptied at start)
 * @param cacheBytes how many bytes of local copies are kept when no one uses them
 */
public record S3Settings(
    URI endpoint,
    String bucket,
    String region,
    String accessKey,
    String secretKey,
    boolean pathStyle,
    String prefix,
    Path cacheDir,
    long cacheBytes) {

  public S3Settings {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("an S3 bucket is required");
    }
    if ((accessKey == null || accessKey.isBlank()) != (secretKey == null || secretKey.isBlank())) {
      throw new IllegalArgumentException(
          "set both the S3 access key and secret key, or neither (then the AWS SDK's default"
              + " credentials apply, e.g. AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)");
    }
    Objects.requireNonNull(cacheDir, "cacheDir");
    if (cacheBytes < 0) {
      throw new IllegalArgumentException("the cache size must not be negative");
    }
    region = region == null || region.isBlank() ? "us-east-1" : region;
    prefix = normalised(prefix);
  }

  /** Whether explicit keys were given (otherwise the SDK's default chain). */
  public boolean hasKeys() {
    return accessKey != null && !accessKey.isBlank();
  }

  /** Never shows the keys. */
  @Override
  public String toString() {
    return "S3Settings[endpoint="
        + endpoint
        + ", bucket="
        + bucket
        + ", region="
        + region
        + ", pathStyle="
        + pathStyle
        + ", prefix="
        + prefix
        + ", keys="
        + (hasKeys() ? "configured" : "default chain")
        + "]";
  }

  private static String normalised(String prefix) {
    if (prefix == null || prefix.isBlank()) {
      return "";
    }
    String p = prefix.strip();
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    return p.isEmpty() || p.endsWith("/") ? p : p + "/";
  }
}
