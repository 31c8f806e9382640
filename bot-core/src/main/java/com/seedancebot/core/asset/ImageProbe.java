package com.seedancebot.core.asset;

import com.seedancebot.core.asset.MediaInspection.Reason;
import com.seedancebot.core.asset.MediaInspection.Supported;
import com.seedancebot.core.asset.MediaInspection.Unsupported;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.MediaKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads the pixel size of an image from its header with ImageIO (WebP through the TwelveMonkeys
 * plugin), without decoding the pixels. Stateless.
 */
final class ImageProbe {

  MediaInspection probe(Path file, MediaFormat format, long size) throws IOException {
    try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
      if (readers == null || !readers.hasNext()) {
        return new Unsupported(
            Reason.DAMAGED, format.mimeType(), "no image reader accepts this " + format);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        return new Supported(
            MediaKind.IMAGE, new MediaInfo(format.mimeType(), size, width, height, null, null));
      } catch (IOException | RuntimeException e) {
        return new Unsupported(
            Reason.DAMAGED, format.mimeType(), "unreadable image header: " + e.getMessage());
      } finally {
        reader.dispose();
      }
    }
  }
}
