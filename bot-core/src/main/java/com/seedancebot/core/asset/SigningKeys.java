package com.seedancebot.core.asset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Loads the URL-signing key from {@code <BOT_DATA_DIR>/signing.key}, creating a random 256-bit key
 * (readable by the owner only) on first start, so signed links survive restarts. Several instances
 * sharing links must share the file or configure the same key.
 */
public final class SigningKeys {
  private SigningKeys() {}

  public static byte[] loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve("signing.key");
    try {
      if (Files.exists(file)) {
        return Files.readAllBytes(file);
      }
      Files.createDirectories(dataDir);
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Path tmp = Files.createTempFile(dataDir, "signing", ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system; the data directory's own permissions apply
      }
      Files.write(tmp, key);
      Files.move(tmp, file);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }
}
