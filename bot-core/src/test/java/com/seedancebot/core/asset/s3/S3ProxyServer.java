package com.seedancebot.core.asset.s3;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * A real S3-compatible server for tests: S3Proxy in this JVM on a loopback port, keeping objects in
 * files under a directory, checking AWS signatures against {@link #ACCESS_KEY} / {@link
 * #SECRET_KEY}. {@link #client()} is an independent SDK client, for assertions on what the server
 * holds. Starts in about a second; close it after use.
 */
public final class S3ProxyServer implements AutoCloseable {

  public static final String ACCESS_KEY = "seedance-test-access";
  public static final String SECRET_KEY = "seedance-test-secret-kept-out-of-logs";

  private final S3Proxy proxy;
  private final URI endpoint;
  private final S3Client client;

  private S3ProxyServer(S3Proxy proxy, URI endpoint) {
    this.proxy = proxy;
    this.endpoint = endpoint;
    S3Settings own = settings("unused", endpoint, Path.of("unused"));
    this.client = S3Clients.client(own, S3Clients.credentials(own));
  }

  /** Starts a server keeping its objects under {@code dir}, with the given buckets created. */
  public static S3ProxyServer start(Path dir, String... buckets) throws Exception {
    Files.createDirectories(dir);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new FilesystemNio2BlobStore(dir.toString()))
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            // session credentials send x-amz-security-token, which S3Proxy does not implement
            .ignoreUnknownHeaders(true)
            .build();
    proxy.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IOException("S3Proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    S3ProxyServer server =
        new S3ProxyServer(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
    for (String bucket : buckets) {
      server.client.createBucket(b -> b.bucket(bucket));
    }
    return server;
  }

  /** {@code http://127.0.0.1:port}. */
  public URI endpoint() {
    return endpoint;
  }

  /** Settings for {@code bucket} on this server with the test keys, path-style. */
  public S3Settings settings(String bucket, String prefix, Path cacheDir, long cacheBytes) {
    return new S3Settings(
        endpoint, bucket, null, ACCESS_KEY, SECRET_KEY, true, prefix, cacheDir, cacheBytes);
  }

  /** An SDK client of its own, to look at the server's objects. */
  public S3Client client() {
    return client;
  }

  /** The bytes of an object, read with the independent client. */
  public byte[] objectBytes(String bucket, String key) {
    ResponseBytes<GetObjectResponse> bytes =
        client.getObjectAsBytes(b -> b.bucket(bucket).key(key));
    return bytes.asByteArray();
  }

  /** An object's metadata, read with the independent client. */
  public HeadObjectResponse head(String bucket, String key) {
    return client.headObject(b -> b.bucket(bucket).key(key));
  }

  @Override
  public void close() throws Exception {
    client.close();
    proxy.stop();
  }

  private static S3Settings settings(String bucket, URI endpoint, Path cacheDir) {
    return new S3Settings(endpoint, bucket, null, ACCESS_KEY, SECRET_KEY, true, null, cacheDir, 0);
  }
}
