package com.seedancebot.core.provider.simulator;

import java.io.IOException;
import java.nio.file.Path;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.MediaHeaderBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.boxes.sampleentry.VisualSampleEntry;

/** What an MP4's video track says about itself, read with isoparser. */
record Mp4Facts(String sampleEntry, int width, int height, double seconds, long frames) {

  static Mp4Facts read(Path mp4) throws IOException {
    try (IsoFile iso = new IsoFile(mp4.toFile())) {
      TrackBox video =
          iso.getMovieBox().getBoxes(TrackBox.class).stream()
              .filter(t -> "vide".equals(t.getMediaBox().getHandlerBox().getHandlerType()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no video track in " + mp4));
      MediaHeaderBox mdhd = video.getMediaBox().getMediaHeaderBox();
      VisualSampleEntry entry =
          (VisualSampleEntry) video.getSampleTableBox().getSampleDescriptionBox().getBoxes().get(0);
      return new Mp4Facts(
          entry.getType(),
          entry.getWidth(),
          entry.getHeight(),
          (double) mdhd.getDuration() / mdhd.getTimescale(),
          video.getSampleTableBox().getSampleSizeBox().getSampleCount());
    }
  }

  double framesPerSecond() {
    return frames / seconds;
  }
}
