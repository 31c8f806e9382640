package com.seedancebot.app.config;

import com.seedancebot.core.asset.ProviderLinks;
import com.seedancebot.core.asset.s3.S3Settings;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code bot.storage} settings: the key that signs file links ({@code BOT_SIGNING_KEY}, mapped
 * in {@code application.yml}; unset = a key kept in the data directory), the bound of the local
 * copies a shared store keeps ({@code BOT_STORAGE_CACHE_SIZE}), and the S3-compatible store ({@code
 * BOT_STORAGE_S3_*}), used when a bucket is set. {@link #toString()} never shows a key.
 */
@ConfigurationProperties("bot.storage")
public record StorageProperties(String signingKey, DataSize cacheSize, S3 s3) {

  public StorageProperties {
    cacheSize = cacheSize == null ? DataSize.ofGigabytes(1) : cacheSize;
    s3 = s3 == null ? new S3(null, null, null, null, null, false, null, null) : s3;
  }

  /**
   * An S3-compatible store: without a bucket the files stay on local disk. Keys unset = the AWS
   * SDK's default chain ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, profiles …).
   */
  public record S3(
      URI endpoint,
      String bucket,
      String region,
      String accessKey,
      String secretKey,
      boolean pathStyle,
      String prefix,
      ProviderLinks providerLinks) {

    public S3 {
      providerLinks = providerLinks == null ? ProviderLinks.BOT : providerLinks;
    }

    public boolean enabled() {
      return bucket != null && !bucket.isBlank();
    }

    /** The core's settings, with the local copies under {@code <dataDir>/cache/s3}. */
    public S3Settings toSettings(Path dataDir, DataSize cacheSize) {
      return new S3Settings(
          endpoint,
          bucket,
          region,
          accessKey,
          secretKey,
          pathStyle,
          prefix,
          dataDir.resolve("cache").resolve("s3"),
          cacheSize.toBytes());
    }

    @Override
    public String toString() {
      return "S3[bucket=" + bucket + ", endpoint=" + endpoint + ", keys hidden]";
    }
  }

  /** Whether a signing key is configured (every instance sharing links needs the same). */
  public boolean hasSigningKey() {
    return signingKey != null && !signingKey.isBlank();
  }

  @Override
  public String toString() {
    return "StorageProperties[signingKey="
        + (hasSigningKey() ? "configured" : "data directory")
        + ", cacheSize="
        + cacheSize
        + ", s3="
        + s3
        + "]";
  }
}
