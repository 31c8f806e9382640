package com.seedancebot.core.provider.fake;

/**
 * What happened when a fake provider fetched a media URL it was given (as the real provider does),
 * so a test can prove the URL was fetchable. For {@code data:} URLs nothing is fetched, the payload
 * is decoded; {@code asset://} ids are recorded with status 0 and no bytes.
 *
 * @param url the URL as given
 * @param status HTTP status, 200 for a decodable {@code data:} URL, 0 for an asset id, -1 on I/O
 *     failure
 * @param contentType the served or declared type, or null
 * @param sizeBytes bytes received
 * @param sha256 hex SHA-256 of the bytes, or null
 * @param width image width when the bytes are an image ImageIO reads, else null
 * @param height image height, likewise
 * @param error why the fetch failed, or null
 */
public record FetchedMedia(
    String url,
    int status,
    String contentType,
    int sizeBytes,
    String sha256,
    Integer width,
    Integer height,
    String error) {

  /** Whether the bytes were obtained. */
  public boolean ok() {
    return status == 200 && error == null;
  }
}
