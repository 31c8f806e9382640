package com.seedancebot.core.provider.simulator;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Rational;

/**
 * Renders a {@link ClipSpec} into a playable H.264 MP4 (JCodec, no audio) and, on request, its last
 * frame as a PNG of the same size. Slow (CPU-bound, roughly a second for 4 s at 320×180 and 10
 * fps): call it off any request or event thread. Stateless and thread-safe; it writes exactly the
 * paths it is given (callers wanting atomic files render to a temporary path and move it).
 */
public final class ClipRenderer {

  /**
   * Writes the clip to {@code video} and, when {@code lastFrame} is not null, its last frame to
   * {@code lastFrame}. Existing files are overwritten.
   */
  public void render(ClipSpec spec, Path video, Path lastFrame) throws IOException {
    FramePainter painter = new FramePainter(spec);
    BufferedImage frame = null;
    try (SeekableByteChannel channel = NIOUtils.writableChannel(video.toFile())) {
      AWTSequenceEncoder encoder =
          new AWTSequenceEncoder(channel, Rational.R(spec.framesPerSecond(), 1));
      for (int i = 0; i < spec.frameCount(); i++) {
        if (Thread.currentThread().isInterrupted()) {
          throw new IOException("rendering interrupted");
        }
        frame = painter.paint(i);
        encoder.encodeImage(frame);
      }
      encoder.finish();
    }
    if (lastFrame != null && !ImageIO.write(frame, "png", lastFrame.toFile())) {
      throw new IOException("no PNG writer available");
    }
  }
}
