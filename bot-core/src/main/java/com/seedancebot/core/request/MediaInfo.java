package com.seedancebot.core.request;

/**
 * What inspection learned about a media file. Fields that could not be determined (or do not apply
 * to the kind) are {@code null}; {@code sizeBytes} is always known.
 *
 * @param mimeType detected type, e.g. {@code image/png}, {@code video/mp4}, {@code audio/mpeg}
 * @param sizeBytes size of the file in bytes
 * @param width pixels, images and videos
 * @param height pixels, images and videos
 * @param durationSeconds videos and audio
 * @param framesPerSecond videos
 */
public record MediaInfo(
    String mimeType,
    long sizeBytes,
    Integer width,
    Integer height,
    Double durationSeconds,
    Double framesPerSecond) {

  public MediaInfo {
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes must be >= 0");
    }
  }

  /** Info for a provider-side asset whose properties the bot cannot see. */
  public static MediaInfo unknown() {
    return new MediaInfo(null, 0, null, null, null, null);
  }
}
