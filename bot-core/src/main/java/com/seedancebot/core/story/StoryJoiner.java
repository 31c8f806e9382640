package com.seedancebot.core.story;

import com.seedancebot.core.asset.AssetFile;
import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.Mp4Joiner;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins a storyboard's scenes made into one MP4 ({@link Mp4Joiner}, pure Java) stored in the asset
 * store: the result is as long as the scenes together, has the first scene's size, the last one's
 * last frame and the tokens of all. Thread-safe; blocks on the store and the disk.
 */
final class StoryJoiner {

  private final AssetStore assets;
  private final Mp4Joiner joiner = new Mp4Joiner();

  StoryJoiner(AssetStore assets) {
    this.assets = assets;
  }

  /** Joins the videos of {@code made} (succeeded scenes, in order) into a new stored video. */
  JobResult join(List<Job> made) throws IOException {
    List<AssetFile> files = new ArrayList<>();
    Path target = Files.createTempFile("seedance-story-", ".mp4");
    try {
      for (Job j : made) {
        files.add(assets.localFile(j.result().videoAssetId()));
      }
      joiner.join(files.stream().map(AssetFile::path).toList(), target);
      long size = Files.size(target);
      String video = assets.adopt(target, "mp4");
      JobResult first = made.get(0).result();
      JobResult last = made.get(made.size() - 1).result();
      return new JobResult(
          video,
          last.lastFrameAssetId(),
          size,
          first.width(),
          first.height(),
          made.stream().mapToDouble(j -> j.result().durationSeconds()).sum(),
          null,
          made.stream()
              .mapToLong(j -> j.result().usageTokens() == null ? 0 : j.result().usageTokens())
              .sum());
    } finally {
      for (AssetFile f : files) {
        f.close();
      }
      Files.deleteIfExists(target);
    }
  }
}
