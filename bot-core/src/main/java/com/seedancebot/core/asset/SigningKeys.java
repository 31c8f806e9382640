package com.seedancebot.core.asset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The URL-signing key: the configured one ({@code BOT_SIGNING_KEY}), which every instance that
 * shares links must have, or else {@code <BOT_DATA_DIR>/signing.key}, a random 256-bit key
 * (readable by the owner only) created on first start, so signed links survive restarts. No message
 * from this class ever shows a key.
 */
public final class SigningKeys {

  /** The shortest key accepted: 256 bits. */
  public static final int MIN_BYTES = 32;

  private SigningKeys() {}

  /**
   * The configured key when {@code configured} is set, else the data directory's. A configured
   * value that is base64 of at least 32 bytes is decoded; any other value is taken as text and
   * needs at least 32 bytes. A shorter one is refused with a message saying what to set.
   */
  public static byte[] resolve(String configured, Path dataDir) {
    if (configured == null || configured.isBlank()) {
      return loadOrCreate(dataDir);
    }
    String value = configured.strip();
    byte[] decoded = base64(value);
    if (decoded != null && decoded.length >= MIN_BYTES) {
      return decoded;
    }
    byte[] text = value.getBytes(StandardCharsets.UTF_8);
    if (text.length >= MIN_BYTES) {
      return text;
    }
    throw new IllegalArgumentException(
        "BOT_SIGNING_KEY is too short ("
            + text.length
            + " characters): it needs at least "
            + MIN_BYTES
            + " random bytes, e.g. the output of `openssl rand -base64 32`, the same on every"
            + " instance");
  }

  public static byte[] loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve("signing.key");
    try {
      if (Files.exists(file)) {
        return Files.readAllBytes(file);
      }
      Files.createDirectories(dataDir);
      byte[] key = new byte[MIN_BYTES];
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

  private static byte[] base64(String value) {
    for (Base64.Decoder decoder :
        new Base64.Decoder[] {Base64.getDecoder(), Base64.getUrlDecoder()}) {
      try {
        return decoder.decode(value);
      } catch (IllegalArgumentException notThisAlphabet) {
        // try the next alphabet, then take the value as text
      }
    }
    return null;
  }
}
