package com.seedancebot.core.asset;

import java.nio.file.Path;

/**
 * A stored asset as a local file ({@link AssetStore#localFile}): {@link #path()} stays readable
 * until {@link #close()}; the file must not be changed or moved. Closing twice does nothing.
 */
public interface AssetFile extends AutoCloseable {

  /** The file holding the asset's content. */
  Path path();

  /** Releases the file (a cached copy may then be evicted). Never throws. */
  @Override
  void close();
}
