package com.seedancebot.core.job;

import com.seedancebot.core.asset.AssetFile;
import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.provider.ProviderTask;
import com.seedancebot.core.provider.VideoProvider;
import com.seedancebot.core.request.MediaInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.function.Function;

/**
 * Copies a succeeded task's video (and last frame) into the bot's asset store at once, streaming —
 * provider URLs expire after 24 h — and reads the video's real size and duration from the stored
 * file (a shared store keeps a local copy of what it just stored, so nothing is downloaded twice).
 * An I/O failure is thrown so the tracker retries on its next poll; a partial file never becomes an
 * asset.
 */
public final class ResultCollector {

  private final AssetStore assets;
  private final Function<java.nio.file.Path, MediaInfo> inspector;

  public ResultCollector(AssetStore assets, Function<java.nio.file.Path, MediaInfo> inspector) {
    this.assets = assets;
    this.inspector = inspector;
  }

  public JobResult collect(VideoProvider provider, ProviderTask task) throws IOException {
    if (task.videoUrl() == null) {
      throw new IOException("the provider reported success without a video URL");
    }
    String videoId;
    try (InputStream in = provider.download(task.videoUrl())) {
      videoId = assets.store(in, "mp4");
    }
    String lastFrameId = null;
    if (task.lastFrameUrl() != null) {
      try (InputStream in = provider.download(task.lastFrameUrl())) {
        lastFrameId = assets.store(in, "png");
      }
    }
    MediaInfo info;
    long size;
    try (AssetFile file = assets.localFile(videoId)) {
      info = inspector.apply(file.path());
      size = Files.size(file.path());
    }
    double duration =
        info.durationSeconds() != null
            ? info.durationSeconds()
            : task.durationSeconds() != null ? task.durationSeconds() : 0;
    return new JobResult(
        videoId,
        lastFrameId,
        size,
        info.width() == null ? 0 : info.width(),
        info.height() == null ? 0 : info.height(),
        duration,
        task.seed(),
        task.usageTokens());
  }
}
