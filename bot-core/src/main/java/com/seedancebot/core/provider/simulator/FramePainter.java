package com.seedancebot.core.provider.simulator;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws one frame of a simulated clip: a drifting gradient, a moving ball, the wrapped prompt, the
 * title, the clip time and a progress bar. Stateless apart from the spec; not thread-safe per image
 * (each call draws into its own image).
 */
final class FramePainter {

  private final ClipSpec spec;
  private final float baseHue;

  FramePainter(ClipSpec spec) {
    this.spec = spec;
    this.baseHue = Math.floorMod(spec.seed(), 360) / 360f;
  }

  /** Frame {@code index} (0-based) as a BGR image of the spec's size. */
  BufferedImage paint(int index) {
    int w = spec.width();
    int h = spec.height();
    double t = (double) index / spec.framesPerSecond();
    double progress = (index + 1.0) / spec.frameCount();
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      float hue = baseHue + (float) (t * 0.05);
      float shift = (float) (progress * w);
      g.setPaint(
          new GradientPaint(
              shift - w,
              0,
              Color.getHSBColor(hue, 0.65f, 0.85f),
              shift,
              h,
              Color.getHSBColor(hue + 0.35f, 0.75f, 0.45f),
              true));
      g.fillRect(0, 0, w, h);
      paintBall(g, t, progress);
      int fontSize = Math.max(8, Math.min(w, h) / 12);
      paintPrompt(g, new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
      Font small = new Font(Font.MONOSPACED, Font.PLAIN, Math.max(7, fontSize * 3 / 4));
      g.setFont(small);
      g.setColor(Color.WHITE);
      FontMetrics fm = g.getFontMetrics();
      g.drawString(spec.title(), 4, fm.getAscent() + 2);
      String clock = String.format(Locale.ROOT, "%05.2f s / %d s", t, spec.durationSeconds());
      g.drawString(clock, 4, h - fm.getDescent() - 6);
      g.fillRect(0, h - 3, (int) Math.round(progress * w), 3);
    } finally {
      g.dispose();
    }
    return image;
  }

  private void paintBall(Graphics2D g, double t, double progress) {
    int w = spec.width();
    int h = spec.height();
    int r = Math.max(4, Math.min(w, h) / 8);
    int x = (int) Math.round(progress * (w - 2 * r));
    int y = (int) Math.round(h / 2.0 - r + Math.sin(t * Math.PI) * (h / 2.0 - r - 2));
    g.setColor(new Color(255, 255, 255, 150));
    g.fillOval(x, y, 2 * r, 2 * r);
    g.setColor(new Color(0, 0, 0, 90));
    g.setStroke(new BasicStroke(2));
    g.drawOval(x, y, 2 * r, 2 * r);
  }

  private void paintPrompt(Graphics2D g, Font font) {
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    int maxLines = Math.max(1, (spec.height() - 4 * fm.getHeight()) / fm.getHeight());
    List<String> lines = wrap(spec.prompt(), fm, spec.width() - 16, maxLines);
    int top = (spec.height() - lines.size() * fm.getHeight()) / 2 + fm.getAscent();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int x = (spec.width() - fm.stringWidth(line)) / 2;
      int y = top + i * fm.getHeight();
      g.setColor(new Color(0, 0, 0, 160));
      g.drawString(line, x + 1, y + 1);
      g.setColor(Color.WHITE);
      g.drawString(line, x, y);
    }
  }

  /** Breaks text at line-break opportunities (spaces, or between CJK characters). */
  static List<String> wrap(String text, FontMetrics fm, int maxWidth, int maxLines) {
    List<String> lines = new ArrayList<>();
    BreakIterator breaks = BreakIterator.getLineInstance(Locale.ROOT);
    breaks.setText(text);
    StringBuilder line = new StringBuilder();
    int start = breaks.first();
    for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
      String piece = text.substring(start, end);
      if (line.length() > 0 && fm.stringWidth(line + piece.stripTrailing()) > maxWidth) {
        lines.add(line.toString().strip());
        line.setLength(0);
      }
      line.append(piece);
    }
    if (!line.toString().isBlank()) {
      lines.add(line.toString().strip());
    }
    if (lines.size() > maxLines) {
      List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
      kept.set(maxLines - 1, kept.get(maxLines - 1) + " …");
      return kept;
    }
    return lines;
  }
}
