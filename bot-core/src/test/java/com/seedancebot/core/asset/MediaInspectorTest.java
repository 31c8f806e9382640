package com.seedancebot.core.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.seedancebot.core.asset.MediaInspection.Reason;
import com.seedancebot.core.asset.MediaInspection.Supported;
import com.seedancebot.core.asset.MediaInspection.Unsupported;
import com.seedancebot.core.provider.simulator.ClipRenderer;
import com.seedancebot.core.provider.simulator.ClipSpec;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.MediaKind;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaInspectorTest {

  @TempDir static Path shared;
  @TempDir Path dir;

  private static Path clip;
  private final MediaInspector inspector = new MediaInspector();

  @BeforeAll
  static void renderClip() throws IOException {
    clip = shared.resolve("clip.mp4");
    new ClipRenderer().render(new ClipSpec(320, 180, 10, 4, "t", "a fox", 1), clip, null);
  }

  @ParameterizedTest
  @CsvSource({
    "png,image/png",
    "jpg,image/jpeg",
    "gif,image/gif",
    "bmp,image/bmp",
    "tiff,image/tiff"
  })
  void imagesReportTypeAndPixelSize(String writerFormat, String mimeType) throws IOException {
    // given
    Path file = image(400, 300, writerFormat, "upload.bin");

    // when
    MediaInspection result = inspector.inspect(file);

    // then
    assertThat(result).isInstanceOf(Supported.class);
    Supported image = (Supported) result;
    assertThat(image.kind()).isEqualTo(MediaKind.IMAGE);
    assertThat(image.info().mimeType()).isEqualTo(mimeType);
    assertThat(image.info().width()).isEqualTo(400);
    assertThat(image.info().height()).isEqualTo(300);
    assertThat(image.info().sizeBytes()).isEqualTo(Files.size(file));
    assertThat(image.info().durationSeconds()).isNull();
  }

  @Test
  void contentDecidesTheTypeNotTheName() throws IOException {
    // given a JPEG that claims to be a PNG
    Path file = image(640, 480, "jpg", "photo.png");

    // when
    Supported result = (Supported) inspector.inspect(file, "photo.png", "image/png");

    // then
    assertThat(result.info().mimeType()).isEqualTo("image/jpeg");
  }

  @Test
  void webpIsReadThroughTheImageIoPlugin() throws IOException {
    // given
    Path file = resource("testsrc-320x200.webp");

    // when
    Supported result = (Supported) inspector.inspect(file);

    // then
    assertThat(result.info().mimeType()).isEqualTo("image/webp");
    assertThat(result.info().width()).isEqualTo(320);
    assertThat(result.info().height()).isEqualTo(200);
  }

  @Test
  void mp4ReportsSizeDurationAndFrameRate() throws IOException {
    // when
    MediaInspection result = inspector.inspect(clip, "clip.mp4", "video/mp4");

    // then
    assertThat(result).isInstanceOf(Supported.class);
    Supported video = (Supported) result;
    assertThat(video.kind()).isEqualTo(MediaKind.VIDEO);
    assertThat(video.info().mimeType()).isEqualTo("video/mp4");
    assertThat(video.info().width()).isEqualTo(320);
    assertThat(video.info().height()).isEqualTo(180);
    assertThat(video.info().durationSeconds()).isCloseTo(4.0, within(0.001));
    assertThat(video.info().framesPerSecond()).isCloseTo(10.0, within(0.001));
  }

  @Test
  void quickTimeWithSoundIsReadFromItsVideoTrack() throws IOException {
    // given a .mov written by ffmpeg: H.264 video and an AAC track with a QuickTime sound header
    Path file = resource("testsrc-160x90-2s.mov");

    // when
    Supported video = (Supported) inspector.inspect(file);

    // then
    assertThat(video.info())
        .isEqualTo(new MediaInfo("video/quicktime", Files.size(file), 160, 90, 2.0, 24.0));
  }

  @Test
  void aVideoTurnedAQuarterReportsItsDisplaySize() throws IOException {
    // given the clip with a 90° rotation in its track header, as phones record portrait video
    Path rotated = dir.resolve("portrait.mp4");
    Files.write(rotated, withRotation90(Files.readAllBytes(clip)));

    // when
    Supported video = (Supported) inspector.inspect(rotated);

    // then
    assertThat(video.info().width()).isEqualTo(180);
    assertThat(video.info().height()).isEqualTo(320);
  }

  @Test
  void truncatedMp4IsDamaged() throws IOException {
    // given an upload cut off before the moov box
    Path cut = dir.resolve("cut.mp4");
    Files.write(cut, Arrays.copyOf(Files.readAllBytes(clip), 2000));

    // when
    MediaInspection result = inspector.inspect(cut);

    // then
    assertThat(result).isInstanceOf(Unsupported.class);
    assertThat(((Unsupported) result).reason()).isEqualTo(Reason.DAMAGED);
    assertThat(((Unsupported) result).detectedMimeType()).isEqualTo("video/mp4");
  }

  @Test
  void wavReportsItsDuration() throws IOException {
    // given 2.5 s of 16 kHz mono silence
    Path file = dir.resolve("voice.wav");
    AudioFormat format = new AudioFormat(16_000, 16, 1, true, false);
    byte[] samples = new byte[40_000 * 2];
    try (AudioInputStream in =
        new AudioInputStream(new ByteArrayInputStream(samples), format, 40_000)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
    }

    // when
    Supported result = (Supported) inspector.inspect(file);

    // then
    assertThat(result.kind()).isEqualTo(MediaKind.AUDIO);
    assertThat(result.info().mimeType()).isEqualTo("audio/wav");
    assertThat(result.info().durationSeconds()).isCloseTo(2.5, within(0.001));
    assertThat(result.info().width()).isNull();
  }

  @Test
  void mp3ReportsItsDuration() throws IOException {
    // given a 3 s MP3 (ID3 tag, LAME encoder)
    Path file = resource("sine-3s.mp3");

    // when
    Supported result = (Supported) inspector.inspect(file);

    // then
    assertThat(result.kind()).isEqualTo(MediaKind.AUDIO);
    assertThat(result.info().mimeType()).isEqualTo("audio/mpeg");
    assertThat(result.info().durationSeconds()).isCloseTo(3.0, within(0.1));
  }

  @Test
  void mp3WithoutTagIsFoundByItsFrameHeaders() throws IOException {
    // given 115 frames of MPEG-1 Layer III, 128 kbit/s, 44.1 kHz (417 bytes, 1152 samples each)
    byte[] frame = new byte[417];
    frame[0] = (byte) 0xFF;
    frame[1] = (byte) 0xFB;
    frame[2] = (byte) 0x90;
    frame[3] = (byte) 0x44;
    ByteBuffer frames = ByteBuffer.allocate(417 * 115);
    for (int i = 0; i < 115; i++) {
      frames.put(frame);
    }
    Path file = Files.write(dir.resolve("raw.mp3"), frames.array());

    // when
    Supported result = (Supported) inspector.inspect(file);

    // then
    assertThat(result.info().mimeType()).isEqualTo("audio/mpeg");
    assertThat(result.info().durationSeconds()).isCloseTo(115 * 1152 / 44_100.0, within(0.05));
  }

  @Test
  void textIsUnrecognized() throws IOException {
    // given
    Path file = Files.writeString(dir.resolve("notes.png"), "just some text, not a picture\n");

    // when
    MediaInspection result = inspector.inspect(file, "notes.png", "image/png");

    // then
    assertThat(result).isInstanceOf(Unsupported.class);
    Unsupported unsupported = (Unsupported) result;
    assertThat(unsupported.reason()).isEqualTo(Reason.UNRECOGNIZED);
    assertThat(unsupported.detectedMimeType()).isNull();
    assertThat(unsupported.detail()).contains("notes.png");
  }

  @Test
  void emptyFileIsUnrecognized() throws IOException {
    Path file = Files.createFile(dir.resolve("empty.mp4"));
    assertThat(((Unsupported) inspector.inspect(file)).reason()).isEqualTo(Reason.UNRECOGNIZED);
  }

  @ParameterizedTest
  @CsvSource({
    "1A45DFA3A34286810142F7810142F2810442F381084282847765626D,video/webm",
    "4F67675300020000000000000000,audio/ogg",
    "664C614300000022,audio/flac",
    "0000001C667479706865696300000000,image/heif",
    "00000020667479704D344120000000004D344120,audio/mp4",
    "52494646000000004156492000000000,video/x-msvideo"
  })
  void recognisedFormatsSeedanceDoesNotTakeAreNamed(String hexHead, String mimeType)
      throws IOException {
    // given
    Path file = Files.write(dir.resolve("upload"), hex(hexHead + "00".repeat(64)));

    // when
    MediaInspection result = inspector.inspect(file);

    // then
    assertThat(result).isInstanceOf(Unsupported.class);
    assertThat(((Unsupported) result).reason()).isEqualTo(Reason.FORMAT_NOT_ACCEPTED);
    assertThat(((Unsupported) result).detectedMimeType()).isEqualTo(mimeType);
  }

  @Test
  void truncatedPngIsDamaged() throws IOException {
    // given
    Path whole = image(400, 300, "png", "whole.png");
    Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(Files.readAllBytes(whole), 12));

    // when
    MediaInspection result = inspector.inspect(cut);

    // then
    assertThat(result).isInstanceOf(Unsupported.class);
    assertThat(((Unsupported) result).reason()).isEqualTo(Reason.DAMAGED);
    assertThat(((Unsupported) result).detectedMimeType()).isEqualTo("image/png");
  }

  @ParameterizedTest
  @CsvSource({"jpg,image/jpeg", "png,image/png"})
  void anImageCutInHalfIsDamaged(String writerFormat, String mimeType) throws IOException {
    // given a photo whose upload stopped half way: the header is intact, the pixels are not
    byte[] whole = Files.readAllBytes(noisyImage(800, 600, writerFormat, "whole"));
    Path cut = Files.write(dir.resolve("cut"), Arrays.copyOf(whole, whole.length / 2));

    // when
    MediaInspection result = inspector.inspect(cut, "holiday." + writerFormat, mimeType);

    // then
    assertThat(result).isInstanceOf(Unsupported.class);
    Unsupported damaged = (Unsupported) result;
    assertThat(damaged.reason()).isEqualTo(Reason.DAMAGED);
    assertThat(damaged.detectedMimeType()).isEqualTo(mimeType);
    assertThat(damaged.detail()).startsWith("the image is incomplete (cut off?)");
  }

  @ParameterizedTest
  @CsvSource({"jpg,image/jpeg", "png,image/png"})
  void aWholeImageFromACameraStillPasses(String writerFormat, String mimeType) throws IOException {
    // given a 12-megapixel picture full of detail (decoded subsampled, so memory stays small)
    Path file = noisyImage(4000, 3000, writerFormat, "camera");

    // when
    MediaInspection result = inspector.inspect(file);

    // then
    assertThat(result).isInstanceOf(Supported.class);
    assertThat(((Supported) result).info().mimeType()).isEqualTo(mimeType);
    assertThat(((Supported) result).info().width()).isEqualTo(4000);
    assertThat(((Supported) result).info().height()).isEqualTo(3000);
  }

  @Test
  void decodingIsSubsampledToAboutAMegapixelAtMost() {
    assertThat(ImageProbe.subsampling(640, 480)).isEqualTo(1);
    for (int[] size : new int[][] {{1280, 1024}, {4000, 3000}, {6000, 6000}, {65_535, 65_535}}) {
      int step = ImageProbe.subsampling(size[0], size[1]);
      assertThat(decoded(size, step))
          .as("%dx%d in steps of %d", size[0], size[1], step)
          .isLessThanOrEqualTo(ImageProbe.MAX_DECODED_PIXELS);
      assertThat(decoded(size, step - 1))
          .as("one step finer")
          .isGreaterThan(ImageProbe.MAX_DECODED_PIXELS);
    }
  }

  private static long decoded(int[] size, int step) {
    return ((size[0] + step - 1L) / step) * ((size[1] + step - 1L) / step);
  }

  @Test
  void isoparsersBoxTableIsReadThroughTheGivenClassLoader() {
    // given the loader the bot's classes come from (in the packaged jar: not the system loader)
    IsoBoxTypes types = new IsoBoxTypes(MediaInspector.class.getClassLoader());

    // then
    assertThat(types.size()).isGreaterThan(100);
    assertThatThrownBy(() -> new IsoBoxTypes(new ClassLoader(null) {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("isoparser2-default.properties");
  }

  @Test
  void missingFileIsAnIoError() {
    assertThatThrownBy(() -> inspector.inspect(dir.resolve("gone.jpg")))
        .isInstanceOf(NoSuchFileException.class);
  }

  private Path image(int width, int height, String format, String name) throws IOException {
    BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = picture.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillOval(10, 10, width / 2, height / 2);
    g.dispose();
    Path file = dir.resolve(name);
    assertThat(ImageIO.write(picture, format, file.toFile())).as("writer for " + format).isTrue();
    return file;
  }

  /** An image of random pixels: compresses badly, so half the file is half the picture. */
  private Path noisyImage(int width, int height, String format, String name) throws IOException {
    BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    java.util.Random random = new java.util.Random(42);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        picture.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    Path file = dir.resolve(name + "." + format);
    assertThat(ImageIO.write(picture, format, file.toFile())).as("writer for " + format).isTrue();
    return file;
  }

  private Path resource(String name) throws IOException {
    Path file = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/media/" + name)) {
      assertThat(in).as("test resource " + name).isNotNull();
      Files.copy(in, file);
    }
    return file;
  }

  /** Writes a 90° rotation into the (version 0) track header of the clip. */
  private static byte[] withRotation90(byte[] mp4) {
    byte[] tkhd = "tkhd".getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i + 4 < mp4.length; i++) {
      if (Arrays.equals(mp4, i, i + 4, tkhd, 0, 4)) {
        assertThat(mp4[i + 4]).as("tkhd version").isZero();
        ByteBuffer matrix = ByteBuffer.wrap(mp4, i + 4 + 4 + 20 + 8 + 8, 36);
        matrix.putInt(0).putInt(0x00010000).putInt(0);
        matrix.putInt(0xFFFF0000).putInt(0).putInt(0);
        matrix.putInt(0).putInt(0).putInt(0x40000000);
        return mp4;
      }
    }
    throw new AssertionError("no tkhd box");
  }

  private static byte[] hex(String text) {
    byte[] bytes = new byte[text.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }
}
