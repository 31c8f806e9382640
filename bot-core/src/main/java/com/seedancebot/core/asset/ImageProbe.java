package com.seedancebot.core.asset;

import com.seedancebot.core.asset.MediaInspection.Supported;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.MediaKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads the pixel size of an image from its header with ImageIO (WebP through the TwelveMonkeys
 * plugin), then decodes the whole (first) image to prove it is complete: an image cut off in
 * transfer is {@link MediaInspection.Reason#DAMAGED}, whether the decoder fails or only warns (as
 * the JPEG decoder does with "Premature end of JPEG file"). Decoding is subsampled so that at most
 * {@link #MAX_DECODED_PIXELS} pixels are held, whatever size the header claims. Stateless.
 */
final class ImageProbe {

  /** About 4 MB as 32-bit pixels: enough to see every row, small enough for many at once. */
  static final long MAX_DECODED_PIXELS = 1L << 20;

  /**
   * Wider or taller than this, the image is not decoded (a row alone could be huge): every model
   * refuses more than 6000 px, and that check names the problem better.
   */
  static final int MAX_DECODED_SIDE = 30_000;

  static final String INCOMPLETE = "the image is incomplete (cut off?)";

  MediaInspection probe(Path file, String label, MediaFormat format, long size) throws IOException {
    try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
      if (readers == null || !readers.hasNext()) {
        return DamagedMedia.because(label, format, "no image reader accepts this " + format, null);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        int width;
        int height;
        try {
          width = reader.getWidth(0);
          height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
          return DamagedMedia.because(label, format, "unreadable image header: " + e, e);
        }
        String problem =
            Math.max(width, height) > MAX_DECODED_SIDE
                ? null
                : decodeProblem(reader, width, height);
        if (problem != null) {
          return DamagedMedia.because(label, format, problem, null);
        }
        return new Supported(
            MediaKind.IMAGE, new MediaInfo(format.mimeType(), size, width, height, null, null));
      } finally {
        reader.dispose();
      }
    }
  }

  /** Decodes image 0, subsampled; returns what is wrong with the pixel data, or null. */
  private static String decodeProblem(ImageReader reader, int width, int height) {
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    ImageReadParam param = reader.getDefaultReadParam();
    int step = subsampling(width, height);
    param.setSourceSubsampling(step, step, 0, 0);
    try {
      reader.read(0, param);
    } catch (IOException | RuntimeException e) {
      return INCOMPLETE + ": " + e;
    }
    return warnings.isEmpty() ? null : INCOMPLETE + ": " + String.join("; ", warnings);
  }

  /** The smallest step (every n-th pixel of every n-th row) that keeps the decode small. */
  static int subsampling(long width, long height) {
    int step = Math.max(1, (int) Math.sqrt((double) width * height / MAX_DECODED_PIXELS));
    while (ceilDiv(width, step) * ceilDiv(height, step) > MAX_DECODED_PIXELS) {
      step++;
    }
    return step;
  }

  private static long ceilDiv(long value, int step) {
    return (value + step - 1) / step;
  }
}
