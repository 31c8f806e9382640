package com.seedancebot.core.asset;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.mp4parser.Container;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.muxer.FileRandomAccessSourceImpl;
import org.mp4parser.muxer.Movie;
import org.mp4parser.muxer.Mp4TrackImpl;
import org.mp4parser.muxer.Track;
import org.mp4parser.muxer.builder.DefaultMp4Builder;
import org.mp4parser.muxer.tracks.AppendTrack;

/**
 * Joins MP4 clips into one, in pure Java (mp4parser): the video tracks one after the other, and the
 * sound tracks when every clip has one (a clip without sound would shift the rest). The clips must
 * share their codec parameters, as the scenes of one storyboard do (same model, size and frame
 * rate); samples are copied, never re-encoded. Stateless and thread-safe; blocks on file I/O.
 */
public final class Mp4Joiner {

  private static final IsoBoxTypes BOX_TYPES = new IsoBoxTypes();

  /** Writes the clips, in order, as one MP4 to {@code target} (overwritten). */
  public void join(List<Path> clips, Path target) throws IOException {
    if (clips.isEmpty()) {
      throw new IllegalArgumentException("nothing to join");
    }
    List<AutoCloseable> open = new ArrayList<>();
    try {
      List<Track> video = new ArrayList<>();
      List<Track> sound = new ArrayList<>();
      for (Path clip : clips) {
        for (Track track : read(clip, open).getTracks()) {
          if ("vide".equals(track.getHandler())) {
            video.add(track);
          } else if ("soun".equals(track.getHandler())) {
            sound.add(track);
          }
        }
      }
      Movie joined = new Movie();
      joined.addTrack(new AppendTrack(video.toArray(new Track[0])));
      if (sound.size() == clips.size()) {
        joined.addTrack(new AppendTrack(sound.toArray(new Track[0])));
      }
      Container out = new DefaultMp4Builder().build(joined);
      try (FileChannel channel =
          FileChannel.open(
              target,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        out.writeContainer(channel);
      }
    } finally {
      close(open);
    }
  }

  /**
   * The clip as a movie whose samples are read from the file while it stays open. Built as
   * mp4parser's {@code MovieCreator} does, but on the bot's own box table ({@link IsoBoxTypes}):
   * {@code MovieCreator} fails inside the packaged jar. The media data is not parsed: the tracks
   * read their samples from the file.
   */
  private static Movie read(Path clip, List<AutoCloseable> open) throws IOException {
    FileChannel channel = FileChannel.open(clip, StandardOpenOption.READ);
    open.add(channel);
    FileRandomAccessSourceImpl source =
        new FileRandomAccessSourceImpl(new RandomAccessFile(clip.toFile(), "r"));
    open.add(source);
    IsoFile iso = new IsoFile(channel, BOX_TYPES.parserSkipping("mdat"));
    open.add(iso);
    Movie movie = new Movie();
    for (TrackBox track : iso.getMovieBox().getBoxes(TrackBox.class)) {
      long id = track.getTrackHeaderBox().getTrackId();
      movie.addTrack(new Mp4TrackImpl(id, iso, source, clip.getFileName() + "[" + id + "]"));
    }
    return movie;
  }

  private static void close(List<AutoCloseable> open) throws IOException {
    IOException failure = null;
    for (AutoCloseable c : open) {
      try {
        c.close();
      } catch (Exception e) {
        failure = failure == null ? new IOException("closing a clip failed", e) : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
