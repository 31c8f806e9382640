package com.seedancebot.core.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * This bot instance's name in job leases, kept in {@code <BOT_DATA_DIR>/instance.id} so that an
 * instance restarted on the same data directory (after a crash, too) takes up its own leases at
 * once instead of waiting for them to expire. Instances sharing a database have their own data
 * directories, hence their own names.
 */
public final class InstanceIds {
  private InstanceIds() {}

  public static String loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve("instance.id");
    try {
      if (Files.exists(file)) {
        String id = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!id.isEmpty()) {
          return id;
        }
      }
      Files.createDirectories(dataDir);
      String id = "bot-" + UUID.randomUUID();
      Path tmp = Files.createTempFile(dataDir, "instance", ".tmp");
      Files.writeString(tmp, id, StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }
}
