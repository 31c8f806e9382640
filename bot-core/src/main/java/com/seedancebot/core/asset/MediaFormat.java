package com.seedancebot.core.asset;

import com.seedancebot.core.request.MediaKind;

/** The container formats {@link MediaSniffer} recognises, and whether Seedance accepts each. */
enum MediaFormat {
  JPEG("image/jpeg", MediaKind.IMAGE, true),
  PNG("image/png", MediaKind.IMAGE, true),
  GIF("image/gif", MediaKind.IMAGE, true),
  BMP("image/bmp", MediaKind.IMAGE, true),
  TIFF("image/tiff", MediaKind.IMAGE, true),
  WEBP("image/webp", MediaKind.IMAGE, true),
  MP4("video/mp4", MediaKind.VIDEO, true),
  QUICKTIME("video/quicktime", MediaKind.VIDEO, true),
  WAV("audio/wav", MediaKind.AUDIO, true),
  MP3("audio/mpeg", MediaKind.AUDIO, true),
  HEIF("image/heif", MediaKind.IMAGE, false),
  AVIF("image/avif", MediaKind.IMAGE, false),
  WEBM("video/webm", MediaKind.VIDEO, false),
  MATROSKA("video/x-matroska", MediaKind.VIDEO, false),
  AVI("video/x-msvideo", MediaKind.VIDEO, false),
  M4A("audio/mp4", MediaKind.AUDIO, false),
  OGG("audio/ogg", MediaKind.AUDIO, false),
  FLAC("audio/flac", MediaKind.AUDIO, false),
  AAC("audio/aac", MediaKind.AUDIO, false);

  private final String mimeType;
  private final MediaKind kind;
  private final boolean accepted;

  MediaFormat(String mimeType, MediaKind kind, boolean accepted) {
    this.mimeType = mimeType;
    this.kind = kind;
    this.accepted = accepted;
  }

  String mimeType() {
    return mimeType;
  }

  MediaKind kind() {
    return kind;
  }

  /** Whether Seedance takes this format as input. */
  boolean accepted() {
    return accepted;
  }
}
