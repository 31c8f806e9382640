package com.seedancebot.core.asset;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a media container from the first bytes of a file (its "magic numbers"), never from its
 * name. Stateless.
 */
final class MediaSniffer {

  /** How many leading bytes {@link #sniff} looks at. */
  static final int HEAD_BYTES = 64;

  private static final Set<String> QUICKTIME_ATOMS = Set.of("moov", "mdat", "wide", "free", "skip");
  private static final Set<String> AUDIO_BRANDS = Set.of("M4A ", "M4B ", "M4P ", "F4A ");
  private static final Set<String> HEIF_BRANDS =
      Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1");
  private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");

  private MediaSniffer() {}

  /** The format the head of a file shows, if any. */
  static Optional<MediaFormat> sniff(byte[] head) {
    return Optional.ofNullable(detect(head));
  }

  private static MediaFormat detect(byte[] h) {
    if (startsWith(h, 0xFF, 0xD8, 0xFF)) {
      return MediaFormat.JPEG;
    }
    if (startsWith(h, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return MediaFormat.PNG;
    }
    if (ascii(h, 0, 6).equals("GIF87a") || ascii(h, 0, 6).equals("GIF89a")) {
      return MediaFormat.GIF;
    }
    if (startsWith(h, 'I', 'I', 0x2A, 0x00) || startsWith(h, 'M', 'M', 0x00, 0x2A)) {
      return MediaFormat.TIFF;
    }
    if (ascii(h, 0, 4).equals("RIFF") || ascii(h, 0, 4).equals("RF64")) {
      return riff(ascii(h, 8, 4));
    }
    if (ascii(h, 4, 4).equals("ftyp")) {
      return isoBrand(ascii(h, 8, 4));
    }
    if (QUICKTIME_ATOMS.contains(ascii(h, 4, 4))) {
      return MediaFormat.QUICKTIME;
    }
    if (startsWith(h, 0x1A, 0x45, 0xDF, 0xA3)) {
      return ascii(h, 0, h.length).contains("webm") ? MediaFormat.WEBM : MediaFormat.MATROSKA;
    }
    if (ascii(h, 0, 4).equals("OggS")) {
      return MediaFormat.OGG;
    }
    if (ascii(h, 0, 4).equals("fLaC")) {
      return MediaFormat.FLAC;
    }
    if (ascii(h, 0, 3).equals("ID3")) {
      return MediaFormat.MP3;
    }
    if (ascii(h, 0, 2).equals("BM") && h.length >= 18 && isBmpHeader(h)) {
      return MediaFormat.BMP;
    }
    return mpegAudio(h);
  }

  private static MediaFormat riff(String form) {
    return switch (form) {
      case "WAVE" -> MediaFormat.WAV;
      case "WEBP" -> MediaFormat.WEBP;
      case "AVI " -> MediaFormat.AVI;
      default -> null;
    };
  }

  private static MediaFormat isoBrand(String brand) {
    if (brand.equals("qt  ")) {
      return MediaFormat.QUICKTIME;
    }
    if (AUDIO_BRANDS.contains(brand)) {
      return MediaFormat.M4A;
    }
    if (HEIF_BRANDS.contains(brand)) {
      return MediaFormat.HEIF;
    }
    if (AVIF_BRANDS.contains(brand)) {
      return MediaFormat.AVIF;
    }
    return MediaFormat.MP4;
  }

  /** The DIB header size of a BMP is one of a few known values. */
  private static boolean isBmpHeader(byte[] h) {
    int dibSize = (h[14] & 0xFF) | (h[15] & 0xFF) << 8 | (h[16] & 0xFF) << 16 | h[17] << 24;
    return Set.of(12, 40, 52, 56, 64, 108, 124).contains(dibSize);
  }

  /** An MPEG audio frame header without an ID3 tag: 11 sync bits, then version and layer. */
  private static MediaFormat mpegAudio(byte[] h) {
    if (h.length < 4 || (h[0] & 0xFF) != 0xFF || (h[1] & 0xE0) != 0xE0) {
      return null;
    }
    int version = (h[1] >> 3) & 0x3;
    int layer = (h[1] >> 1) & 0x3;
    if (layer == 0 && (h[1] & 0xF6) == 0xF0) {
      return MediaFormat.AAC;
    }
    int bitrateIndex = (h[2] >> 4) & 0xF;
    int sampleRateIndex = (h[2] >> 2) & 0x3;
    boolean valid = version != 1 && bitrateIndex != 0xF && sampleRateIndex != 0x3;
    return valid && layer == 1 ? MediaFormat.MP3 : null;
  }

  private static boolean startsWith(byte[] h, int... prefix) {
    if (h.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((h[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String ascii(byte[] h, int from, int length) {
    if (h.length < from + length) {
      return "";
    }
    return new String(h, from, length, StandardCharsets.ISO_8859_1);
  }
}
