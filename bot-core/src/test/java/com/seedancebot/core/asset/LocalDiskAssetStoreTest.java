package com.seedancebot.core.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The storage contract on local disk, plus where the files live. */
class LocalDiskAssetStoreTest extends AssetStoreContract {

  @Override
  protected AssetStore store() {
    return new LocalDiskAssetStore(scratch.resolve("data"));
  }

  @org.junit.jupiter.api.Test
  void filesLiveUnderTheDataDirectoryByIdWithNothingHalfWrittenLeft() throws Exception {
    AssetStore store = store();

    String id = store.store(new ByteArrayInputStream(bytes(100, 1)), "mp4");

    Path assets = scratch.resolve("data").resolve("assets");
    try (var files = Files.list(assets)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(id);
    }
  }
}
