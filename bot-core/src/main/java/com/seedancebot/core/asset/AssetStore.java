package com.seedancebot.core.asset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bot's own file storage under {@code <BOT_DATA_DIR>/assets}: re-hosted attachments, result
 * videos and last frames. Ids are unguessable (128 random bits) and carry the file extension, so
 * the content type is known without a database. Files are written to a temporary name and moved
 * into place, so a crash never leaves a half-written asset under its id. Thread-safe.
 */
public final class AssetStore {

  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}\\.[a-z0-9]{1,5}");

  private final Path root;
  private final SecureRandom random = new SecureRandom();

  public AssetStore(Path dataDir) {
    this.root = dataDir.resolve("assets");
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create asset directory " + root, e);
    }
  }

  /** Streams {@code content} into a new asset and returns its id; the caller closes the stream. */
  public String store(InputStream content, String extension) throws IOException {
    String id = newId(extension);
    Path tmp = Files.createTempFile(root, "incoming-", ".part");
    try {
      Files.copy(content, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, root.resolve(id), StandardCopyOption.ATOMIC_MOVE);
      return id;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Moves an existing file into the store as a new asset. */
  public String adopt(Path file, String extension) throws IOException {
    String id = newId(extension);
    Files.move(file, root.resolve(id), StandardCopyOption.REPLACE_EXISTING);
    return id;
  }

  /** The file of an asset, if the id is well-formed and the file exists. */
  public Optional<Path> find(String assetId) {
    if (assetId == null || !ID.matcher(assetId).matches()) {
      return Optional.empty();
    }
    Path file = root.resolve(assetId);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** The file of an asset that must exist. */
  public Path path(String assetId) {
    return find(assetId).orElseThrow(() -> new IllegalArgumentException("no asset " + assetId));
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

  private String newId(String extension) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String ext =
        extension == null ? "bin" : extension.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (ext.isEmpty() || ext.length() > 5) {
      ext = "bin";
    }
    return HexFormat.of().formatHex(bytes) + "." + ext;
  }
}
