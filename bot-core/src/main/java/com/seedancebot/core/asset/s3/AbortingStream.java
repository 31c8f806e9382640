package com.seedancebot.core.asset.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * An object's content as the SDK streams it, closed by aborting the connection when the reader
 * stops early (a range served, a client gone): a plain close would first read the rest of a
 * possibly large object just to reuse the connection.
 */
final class AbortingStream extends FilterInputStream {

  private final ResponseInputStream<?> response;
  private boolean ended;

  AbortingStream(ResponseInputStream<?> response) {
    super(response);
    this.response = response;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    ended |= b < 0;
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    ended |= n < 0;
    return n;
  }

  @Override
  public void close() throws IOException {
    if (!ended) {
      response.abort();
    }
    super.close();
  }
}
