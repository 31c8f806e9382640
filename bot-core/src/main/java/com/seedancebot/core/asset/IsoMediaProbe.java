package com.seedancebot.core.asset;

import com.seedancebot.core.asset.MediaInspection.Reason;
import com.seedancebot.core.asset.MediaInspection.Supported;
import com.seedancebot.core.asset.MediaInspection.Unsupported;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.MediaKind;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.MediaHeaderBox;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.MovieExtendsHeaderBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.boxes.iso14496.part12.TrackHeaderBox;
import org.mp4parser.boxes.sampleentry.SampleEntry;
import org.mp4parser.boxes.sampleentry.VisualSampleEntry;

/**
 * Reads size, duration and frame rate of an MP4 or QuickTime file from its {@code moov} box with
 * isoparser, after checking that the top-level boxes fit in the file; the media data is skipped.
 * Width and height are the display size: a track rotated by a quarter turn (portrait phone video)
 * reports them swapped. A file that cannot be read is {@link Reason#DAMAGED}, logged with the cause
 * ({@link DamagedMedia}). Thread-safe; the box table is loaded once, at construction.
 */
final class IsoMediaProbe {

  /** A {@code moov} box of a 15 s clip is a few hundred kB; more means a broken or hostile file. */
  private static final long MAX_MOOV_BYTES = 32L * 1024 * 1024;

  /**
   * Not needed, and skipped by seeking: the media data (isoparser would copy it to a temporary
   * file), and QuickTime-style user data and sound descriptions that isoparser misreads.
   */
  private static final String[] SKIPPED_BOXES = {"mdat", "udta", "meta", "wave"};

  private final IsoBoxTypes boxTypes = new IsoBoxTypes();

  /**
   * Inspects the file.
   *
   * @param label how logs name the file (its declared name when known)
   */
  MediaInspection probe(Path file, String label, MediaFormat format, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file)) {
      String problem = checkTopLevelBoxes(channel);
      if (problem != null) {
        return DamagedMedia.because(label, format, problem, null);
      }
      channel.position(0);
      try (IsoFile iso = new IsoFile(channel, boxTypes.parserSkipping(SKIPPED_BOXES))) {
        return inspect(iso.getMovieBox(), label, format, size);
      } catch (RuntimeException e) {
        return DamagedMedia.because(label, format, "unreadable moov box: " + e, e);
      }
    }
  }

  private static MediaInspection inspect(
      MovieBox movie, String label, MediaFormat format, long size) {
    List<TrackBox> tracks = movie == null ? List.of() : movie.getBoxes(TrackBox.class);
    TrackBox video =
        tracks.stream().filter(t -> "vide".equals(handler(t))).findFirst().orElse(null);
    if (video != null) {
      return new Supported(MediaKind.VIDEO, info(movie, video, format, size));
    }
    return tracks.stream().anyMatch(t -> "soun".equals(handler(t)))
        ? new Unsupported(Reason.FORMAT_NOT_ACCEPTED, "audio/mp4", "audio-only MP4, no video track")
        : DamagedMedia.because(label, format, "no video track", null);
  }

  private static MediaInfo info(MovieBox movie, TrackBox video, MediaFormat format, long size) {
    Double seconds = seconds(movie, video);
    long frames =
        video.getSampleTableBox().getSampleSizeBox() == null
            ? 0
            : video.getSampleTableBox().getSampleSizeBox().getSampleCount();
    Double fps = seconds != null && seconds > 0 && frames > 0 ? frames / seconds : null;
    TrackHeaderBox tkhd = video.getTrackHeaderBox();
    int width = (int) Math.round(tkhd.getWidth());
    int height = (int) Math.round(tkhd.getHeight());
    if (width <= 0 || height <= 0) {
      SampleEntry entry = video.getSampleTableBox().getSampleDescriptionBox().getSampleEntry();
      if (entry instanceof VisualSampleEntry visual) {
        width = visual.getWidth();
        height = visual.getHeight();
      }
    }
    if (quarterTurn(tkhd)) {
      int swap = width;
      width = height;
      height = swap;
    }
    return new MediaInfo(
        format.mimeType(),
        size,
        width > 0 ? width : null,
        height > 0 ? height : null,
        seconds,
        fps);
  }

  /** The video track's duration; a fragmented file's comes from the movie or its extends box. */
  private static Double seconds(MovieBox movie, TrackBox video) {
    MediaHeaderBox mdhd = video.getMediaBox().getMediaHeaderBox();
    if (mdhd.getTimescale() > 0 && mdhd.getDuration() > 0) {
      return (double) mdhd.getDuration() / mdhd.getTimescale();
    }
    long timescale = movie.getMovieHeaderBox().getTimescale();
    if (timescale <= 0) {
      return null;
    }
    if (movie.getMovieHeaderBox().getDuration() > 0) {
      return (double) movie.getMovieHeaderBox().getDuration() / timescale;
    }
    MovieExtendsHeaderBox mehd =
        movie.getBoxes(MovieExtendsHeaderBox.class, true).stream().findFirst().orElse(null);
    return mehd != null && mehd.getFragmentDuration() > 0
        ? (double) mehd.getFragmentDuration() / timescale
        : null;
  }

  /** Whether the track matrix turns the picture by 90° or 270° (a = d = 0). */
  private static boolean quarterTurn(TrackHeaderBox tkhd) {
    if (tkhd.getMatrix() == null) {
      return false;
    }
    ByteBuffer matrix = ByteBuffer.allocate(36);
    tkhd.getMatrix().getContent(matrix);
    return matrix.getInt(0) == 0 && matrix.getInt(16) == 0;
  }

  private static String handler(TrackBox track) {
    return track.getMediaBox().getHandlerBox().getHandlerType();
  }

  /**
   * Walks the top-level box headers: each must fit in the file and there must be one {@code moov}
   * of sane size. Returns what is wrong, or null.
   */
  private static String checkTopLevelBoxes(FileChannel channel) throws IOException {
    long size = channel.size();
    long position = 0;
    while (position + 8 <= size) {
      ByteBuffer header = readAt(channel, position, 8);
      long boxSize = Integer.toUnsignedLong(header.getInt(0));
      String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
      if (boxSize == 1) {
        boxSize = readAt(channel, position + 8, 8).getLong(0);
      } else if (boxSize == 0) {
        boxSize = size - position;
      }
      if (boxSize < 8 || position + boxSize > size) {
        return "box '" + type + "' runs past the end of the file (incomplete upload?)";
      }
      if (type.equals("moov")) {
        return boxSize > MAX_MOOV_BYTES ? "moov box too large" : null;
      }
      position += boxSize;
    }
    return "no moov box (incomplete upload?)";
  }

  private static ByteBuffer readAt(FileChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new EOFException("file ends inside a box");
      }
    }
    return buffer;
  }
}
