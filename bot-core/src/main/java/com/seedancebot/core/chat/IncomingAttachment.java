package com.seedancebot.core.chat;

import com.seedancebot.core.request.MediaRole;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A file the user attached, as the adapter saw it, before the core downloads and inspects it.
 * Declared type and size come from the platform's metadata and are checked before download; the
 * content is opened only once the request passed those checks. The content source must not expose a
 * URL with a secret: the core never sees one.
 *
 * @param fileName the file's name, for messages
 * @param declaredMimeType the platform's idea of the type, may be null
 * @param declaredSize bytes, or -1 when unknown
 * @param roleHint a role the user chose explicitly (Discord's typed options), or null
 * @param content opens the bytes
 */
public record IncomingAttachment(
    String fileName,
    String declaredMimeType,
    long declaredSize,
    MediaRole roleHint,
    Content content) {

  /** Opens the attachment's bytes; may be called more than once. */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }

  public IncomingAttachment {
    Objects.requireNonNull(content, "content");
    fileName = fileName == null ? "file" : fileName;
  }
}
