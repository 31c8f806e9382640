package com.seedancebot.core.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.seedancebot.core.provider.simulator.ClipRenderer;
import com.seedancebot.core.provider.simulator.ClipSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;

/** Joining real H.264 clips, as the simulator renders them, and reading the result back. */
class Mp4JoinerTest {

  @TempDir Path dir;

  @Test
  void threeScenesBecomeOneVideoTrackAsLongAsTheirSum() throws Exception {
    // given three clips of one storyboard: same size and frame rate, 1 s, 2 s and 1 s
    List<Path> clips = List.of(clip("a", 1, 1), clip("b", 2, 2), clip("c", 1, 3));

    // when
    Path joined = dir.resolve("joined.mp4");
    new Mp4Joiner().join(clips, joined);

    // then the file parses as one movie of 4 s with one video track holding every frame
    try (IsoFile iso = new IsoFile(joined.toFile())) {
      MovieBox movie = iso.getMovieBox();
      double seconds =
          (double) movie.getMovieHeaderBox().getDuration()
              / movie.getMovieHeaderBox().getTimescale();
      assertThat(seconds).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.05));
      List<TrackBox> tracks = movie.getBoxes(TrackBox.class);
      assertThat(tracks).hasSize(1);
      TrackBox video = tracks.get(0);
      assertThat(video.getMediaBox().getHandlerBox().getHandlerType()).isEqualTo("vide");
      assertThat(video.getSampleTableBox().getSampleSizeBox().getSampleCount()).isEqualTo(4 * 12);
    }
    // and the bot's own inspection sees a valid 4 s video of the scenes' size
    MediaInspection inspected = new MediaInspector().inspect(joined, "joined.mp4", "video/mp4");
    assertThat(inspected).isInstanceOf(MediaInspection.Supported.class);
    var info = ((MediaInspection.Supported) inspected).info();
    assertThat(info.width()).isEqualTo(96);
    assertThat(info.height()).isEqualTo(64);
    assertThat(info.durationSeconds()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.05));
  }

  @Test
  void nothingToJoinIsRefused() {
    assertThatThrownBy(() -> new Mp4Joiner().join(List.of(), dir.resolve("x.mp4")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Path clip(String name, int seconds, long seed) throws IOException {
    Path file = dir.resolve(name + ".mp4");
    new ClipRenderer()
        .render(new ClipSpec(96, 64, 12, seconds, name, "scene " + name, seed), file, null);
    assertThat(Files.size(file)).isPositive();
    return file;
  }
}
