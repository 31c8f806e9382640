package com.seedancebot.core.asset;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids of stored files: 128 random bits in hex plus the file extension ({@code 3f…9c.mp4}), so
 * an id is unguessable and tells the content type without a database. Only well-formed ids ever
 * reach a storage back end, so an id can never name a path or key outside the store. Thread-safe.
 */
public final class AssetIds {

  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}\\.[a-z0-9]{1,5}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private AssetIds() {}

  /** A new id with the given extension (letters and digits, at most 5; {@code bin} otherwise). */
  public static String newId(String extension) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String ext =
        extension == null ? "bin" : extension.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (ext.isEmpty() || ext.length() > 5) {
      ext = "bin";
    }
    return HexFormat.of().formatHex(bytes) + "." + ext;
  }

  /** Whether {@code assetId} has the shape of an id this bot hands out. */
  public static boolean isWellFormed(String assetId) {
    return assetId != null && ID.matcher(assetId).matches();
  }

  /** Every well-formed id mentioned in {@code text} (e.g. a request's JSON), in order. */
  public static List<String> findIn(CharSequence text) {
    List<String> found = new ArrayList<>();
    Matcher m = ID.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  /** The MIME type implied by an asset id's extension. */
  public static String contentType(String assetId) {
    String ext = assetId.substring(assetId.lastIndexOf('.') + 1);
    return switch (ext) {
      case "mp4" -> "video/mp4";
      case "mov" -> "video/quicktime";
      case "png" -> "image/png";
      case "jpg", "jpeg" -> "image/jpeg";
      case "webp" -> "image/webp";
      case "gif" -> "image/gif";
      case "bmp" -> "image/bmp";
      case "tif", "tiff" -> "image/tiff";
      case "mp3" -> "audio/mpeg";
      case "wav" -> "audio/wav";
      default -> "application/octet-stream";
    };
  }

  /** A file extension for a MIME type (used when storing inspected attachments). */
  public static String extensionFor(String mimeType) {
    if (mimeType == null) {
      return "bin";
    }
    return switch (mimeType.toLowerCase(Locale.ROOT)) {
      case "video/mp4" -> "mp4";
      case "video/quicktime" -> "mov";
      case "image/png" -> "png";
      case "image/jpeg" -> "jpg";
      case "image/webp" -> "webp";
      case "image/gif" -> "gif";
      case "image/bmp" -> "bmp";
      case "image/tiff" -> "tiff";
      case "audio/mpeg", "audio/mp3" -> "mp3";
      case "audio/wav", "audio/x-wav", "audio/wave" -> "wav";
      default -> "bin";
    };
  }
}
