package com.seedancebot.core.provider.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.TrackHeaderBox;

/** The media the fakes serve are real files, not placeholder bytes. */
class SampleMediaTest {

  @Test
  void theVideoIsAnMp4OfHalfASecondAtTheAdvertisedSize(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("v.mp4");
    Files.write(file, SampleMedia.mp4());

    try (IsoFile iso = new IsoFile(file.toFile())) {
      MovieHeaderBox mvhd = iso.getMovieBox().getMovieHeaderBox();
      TrackHeaderBox tkhd =
          iso.getMovieBox().getBoxes(TrackHeaderBox.class, true).stream().findFirst().orElseThrow();

      assertThat((double) mvhd.getDuration() / mvhd.getTimescale()).isCloseTo(0.5, within());
      assertThat(tkhd.getWidth()).isEqualTo(SampleMedia.VIDEO_WIDTH);
      assertThat(tkhd.getHeight()).isEqualTo(SampleMedia.VIDEO_HEIGHT);
    }
  }

  @Test
  void thePngHasTheAskedSize() throws Exception {
    var img = ImageIO.read(new ByteArrayInputStream(SampleMedia.png(480, 320)));

    assertThat(img.getWidth()).isEqualTo(480);
    assertThat(img.getHeight()).isEqualTo(320);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.05);
  }
}
