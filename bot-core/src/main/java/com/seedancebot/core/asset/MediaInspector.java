package com.seedancebot.core.asset;

import com.seedancebot.core.asset.MediaInspection.Reason;
import com.seedancebot.core.asset.MediaInspection.Unsupported;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Finds out what a media file is and its properties: the format from the file's content (magic
 * bytes, never its name), then pixel size (images, ImageIO with WebP support), duration, size and
 * frame rate (MP4/MOV, isoparser) or duration (WAV, MP3). Answers {@link MediaInspection.Supported}
 * for every format Seedance accepts and {@link MediaInspection.Unsupported} with a {@link
 * MediaInspection.Reason} otherwise; a file that cannot be opened at all is an {@link IOException}.
 * Images are decoded in full (subsampled) so that a cut-off upload is {@link
 * MediaInspection.Reason#DAMAGED}; every damaged file is logged at WARN with its declared name and
 * the cause. Limits of a particular model (sizes, durations) are checked elsewhere. Thread-safe and
 * stateless after construction.
 */
public final class MediaInspector {

  private final ImageProbe images = new ImageProbe();
  private final IsoMediaProbe videos = new IsoMediaProbe();
  private final AudioProbe sounds = new AudioProbe();

  /**
   * Registers the ImageIO plugins on the class path (WebP), which ImageIO may otherwise miss when
   * the application runs from a nested jar, and loads isoparser's box table.
   *
   * @throws IllegalStateException when isoparser's box table is not on the class path
   */
  public MediaInspector() {
    ImageIO.scanForPlugins();
  }

  /** Inspects a file; same as {@link #inspect(Path, String, String)} without hints. */
  public MediaInspection inspect(Path file) throws IOException {
    return inspect(file, null, null);
  }

  /**
   * Inspects a file.
   *
   * @param file the bytes to inspect
   * @param declaredName the file name the sender gave, or null; only quoted in {@code detail}
   * @param declaredMimeType the type the sender claimed, or null; only quoted in {@code detail}
   * @throws IOException when the file cannot be read at all
   */
  public MediaInspection inspect(Path file, String declaredName, String declaredMimeType)
      throws IOException {
    long size = Files.size(file);
    Optional<MediaFormat> sniffed = MediaSniffer.sniff(head(file));
    if (sniffed.isEmpty()) {
      return new Unsupported(
          Reason.UNRECOGNIZED,
          null,
          size == 0
              ? "empty file"
              : "content is no known image, video or audio format"
                  + declared(declaredName, declaredMimeType));
    }
    MediaFormat format = sniffed.get();
    if (!format.accepted()) {
      return new Unsupported(
          Reason.FORMAT_NOT_ACCEPTED, format.mimeType(), format + " is not accepted by Seedance");
    }
    String label = declaredName != null ? "'" + declaredName + "'" : String.valueOf(file);
    return switch (format.kind()) {
      case IMAGE -> images.probe(file, label, format, size);
      case VIDEO -> videos.probe(file, label, format, size);
      case AUDIO -> sounds.probe(file, label, format, size);
    };
  }

  private static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(MediaSniffer.HEAD_BYTES);
    }
  }

  private static String declared(String name, String mimeType) {
    if (name == null && mimeType == null) {
      return "";
    }
    return " (declared as "
        + (name == null ? "" : "'" + name + "' ")
        + (mimeType == null ? "" : mimeType)
        + ")";
  }
}
