package com.seedancebot.app.web;

import com.seedancebot.core.asset.AssetStore;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.AbstractResource;

/**
 * A stored asset as a Spring {@link org.springframework.core.io.Resource} of known length, so
 * Spring MVC answers range requests for it. Its streams open lazily: bytes skipped before the first
 * read move the start instead of being read, so a range of a file in a shared store is fetched from
 * its first byte on rather than from the beginning of the file.
 */
final class StoredAssetResource extends AbstractResource {

  private final AssetStore assets;
  private final String assetId;
  private final long size;

  StoredAssetResource(AssetStore assets, String assetId, long size) {
    this.assets = assets;
    this.assetId = assetId;
    this.size = size;
  }

  @Override
  public String getDescription() {
    return "stored asset " + assetId;
  }

  @Override
  public String getFilename() {
    return assetId;
  }

  @Override
  public boolean exists() {
    return true;
  }

  @Override
  public long contentLength() {
    return size;
  }

  @Override
  public InputStream getInputStream() {
    return new LazyStream();
  }

  /** Opens the asset at the offset skipped to before its first read. */
  private final class LazyStream extends InputStream {
    private long offset;
    private InputStream in;

    @Override
    public long skip(long n) throws IOException {
      if (in != null) {
        return in.skip(n);
      }
      long skipped = Math.max(0, Math.min(n, size - offset));
      offset += skipped;
      return skipped;
    }

    @Override
    public int read() throws IOException {
      return opened().read();
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      return opened().read(buffer, off, len);
    }

    @Override
    public void close() throws IOException {
      if (in != null) {
        in.close();
      }
    }

    private InputStream opened() throws IOException {
      if (in == null) {
        in = assets.open(assetId, offset);
      }
      return in;
    }
  }
}
