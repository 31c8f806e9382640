package com.seedancebot.core.provider.fake;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jcodec.api.awt.AWTSequenceEncoder;

/**
 * Small but real media files for fakes and tests: H.264 MP4s made with JCodec, PNG and JPEG images
 * and an MP3. The default MP4 is encoded once per JVM (JCodec is slow on small machines) and
 * shared; callers get copies.
 */
public final class SampleMedia {

  /** Width and height of the sample video: tiny, so encoding takes a fraction of a second. */
  public static final int VIDEO_WIDTH = 96;

  public static final int VIDEO_HEIGHT = 64;

  /** 12 frames at 24 fps: half a second. */
  public static final int VIDEO_FRAMES = 12;

  private SampleMedia() {}

  /** A valid MP4 (H.264, 96×64, 0.5 s at 24 fps). */
  public static byte[] mp4() {
    return Mp4Holder.BYTES.clone();
  }

  /**
   * A new H.264 MP4 of the given size, rate and length (JCodec; not cached: a 640×480, 3 s clip
   * takes a few seconds to encode).
   */
  public static byte[] mp4(int width, int height, int framesPerSecond, int seconds) {
    try {
      Path file = Files.createTempFile("sample-", ".mp4");
      try {
        AWTSequenceEncoder enc =
            AWTSequenceEncoder.createSequenceEncoder(file.toFile(), framesPerSecond);
        for (int i = 0; i < framesPerSecond * seconds; i++) {
          enc.encodeImage(frame(width, height, i));
        }
        enc.finish();
        return Files.readAllBytes(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A baseline JPEG of the given size, like a phone photo. */
  public static byte[] jpeg(int width, int height) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(frame(width, height, 3), "jpg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A 3 s MP3 (44.1 kHz sine, ID3 tag, LAME encoder). */
  public static byte[] mp3() {
    try (InputStream in = SampleMedia.class.getResourceAsStream("/media/sine-3s.mp3")) {
      if (in == null) {
        throw new IllegalStateException("test resource /media/sine-3s.mp3 is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PNG of the given size, a gradient with a frame number drawn in it. */
  public static byte[] png(int width, int height) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(frame(width, height, 0), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BufferedImage frame(int width, int height, int n) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    try {
      for (int x = 0; x < width; x += 4) {
        g.setColor(
            new Color((x * 255 / width + n * 20) % 256, 120, Math.floorMod(200 - n * 10, 256)));
        g.fillRect(x, 0, 4, height);
      }
      g.setColor(Color.WHITE);
      g.drawString(Integer.toString(n), width / 3, height / 2);
    } finally {
      g.dispose();
    }
    return img;
  }

  private static final class Mp4Holder {
    static final byte[] BYTES = encode();

    private static byte[] encode() {
      try {
        Path file = Files.createTempFile("sample-", ".mp4");
        try {
          AWTSequenceEncoder enc = AWTSequenceEncoder.createSequenceEncoder(file.toFile(), 24);
          for (int i = 0; i < VIDEO_FRAMES; i++) {
            enc.encodeImage(frame(VIDEO_WIDTH, VIDEO_HEIGHT, i));
          }
          enc.finish();
          return Files.readAllBytes(file);
        } finally {
          Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
