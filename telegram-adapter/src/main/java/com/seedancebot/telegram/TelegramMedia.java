package com.seedancebot.telegram;

import java.util.Objects;

/**
 * One file in a Telegram message, as its metadata describes it (nothing downloaded yet).
 *
 * @param fileId the Bot API file id
 * @param fileName a name for messages (Telegram's, or one derived from the kind)
 * @param mimeType the declared type, may be null
 * @param size the declared size in bytes, or -1 when Telegram did not say
 */
public record TelegramMedia(String fileId, String fileName, String mimeType, long size) {
  public TelegramMedia {
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(fileName, "fileName");
  }
}
