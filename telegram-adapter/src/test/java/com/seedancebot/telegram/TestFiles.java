package com.seedancebot.telegram;

import com.seedancebot.core.chat.IncomingAttachment;
import java.io.IOException;
import java.io.InputStream;

/** Files users send, as bytes a test can recognise, and what the adapter hands the core of them. */
final class TestFiles {
  private TestFiles() {}

  /** {@code n} bytes of a pattern that differs with {@code seed}. */
  static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + seed);
    }
    return b;
  }

  /** Downloads an attachment as the core would. */
  static byte[] read(IncomingAttachment a) throws IOException {
    try (InputStream in = a.content().open()) {
      return in.readAllBytes();
    }
  }
}
