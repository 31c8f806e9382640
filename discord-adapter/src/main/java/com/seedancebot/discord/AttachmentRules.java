package com.seedancebot.discord;

import com.seedancebot.core.request.MediaKind;
import java.net.URLConnection;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks Discord's attachment metadata allows before anything is downloaded: the file's
 * declared type must be of the option's kind, and its size within the providers' limit for that
 * kind. A file whose type cannot be told from its metadata passes (the core inspects the bytes).
 * Pure and thread-safe.
 */
public final class AttachmentRules {

  private final DiscordSettings.AttachmentLimits limits;

  public AttachmentRules(DiscordSettings.AttachmentLimits limits) {
    this.limits = limits;
  }

  /** The problem with this file for that kind of input, if any. */
  public Optional<Rejection> check(
      String optionName, MediaKind expected, String fileName, String contentType, long size) {
    String type = typeOf(contentType, fileName);
    if (type != null && !type.startsWith(kindName(expected) + "/")) {
      return Optional.of(
          Rejection.of(
              "discord.attachment.wrongType." + kindName(expected), optionName, fileName, type));
    }
    long limit = limitFor(expected);
    if (size > limit) {
      return Optional.of(
          Rejection.of(
              "discord.attachment.tooBig",
              optionName,
              fileName,
              megabytes(size),
              megabytes(limit)));
    }
    return Optional.empty();
  }

  /** The declared type, else one guessed from the file name, lower case; null when unknown. */
  static String typeOf(String contentType, String fileName) {
    String type = contentType;
    if (type == null || type.isBlank()) {
      type = fileName == null ? null : URLConnection.guessContentTypeFromName(fileName);
    }
    return type == null ? null : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  private long limitFor(MediaKind kind) {
    return switch (kind) {
      case IMAGE -> limits.imageBytes();
      case VIDEO -> limits.videoBytes();
      case AUDIO -> limits.audioBytes();
    };
  }

  private static String kindName(MediaKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
  }
}
