package com.seedancebot.core.provider.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class FramePainterTest {

  private final FontMetrics metrics = metrics();

  @Test
  void wrapsLongPromptsWithinTheWidthAndMarksCutText() {
    // given
    String prompt = "a red fox runs through fresh snow at dawn, cinematic, slow motion ".repeat(5);

    // when
    List<String> lines = FramePainter.wrap(prompt, metrics, 200, 3);

    // then
    assertThat(lines).hasSize(3);
    assertThat(lines.subList(0, 2))
        .allSatisfy(l -> assertThat(metrics.stringWidth(l)).isLessThanOrEqualTo(200));
    assertThat(lines.get(2)).endsWith("…");
    assertThat(String.join(" ", lines)).startsWith("a red fox runs through fresh snow");
  }

  @Test
  void breaksTextWithoutSpacesBetweenCharacters() {
    List<String> lines = FramePainter.wrap("一只红狐狸在雪地里奔跑电影感慢动作金色的光".repeat(3), metrics, 120, 10);
    assertThat(lines).hasSizeGreaterThan(1);
    assertThat(String.join("", lines)).isEqualTo("一只红狐狸在雪地里奔跑电影感慢动作金色的光".repeat(3));
  }

  @Test
  void paintsFramesOfTheSpecSize() {
    FramePainter painter = new FramePainter(new ClipSpec(180, 320, 8, 4, "id", "hello", 3));
    BufferedImage first = painter.paint(0);
    BufferedImage last = painter.paint(31);
    assertThat(first.getWidth()).isEqualTo(180);
    assertThat(first.getHeight()).isEqualTo(320);
    assertThat(first.getRGB(90, 300)).as("frames move").isNotEqualTo(last.getRGB(90, 300));
  }

  private static FontMetrics metrics() {
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    try {
      return g.getFontMetrics(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    } finally {
      g.dispose();
    }
  }
}
