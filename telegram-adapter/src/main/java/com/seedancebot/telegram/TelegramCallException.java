package com.seedancebot.telegram;

import com.seedancebot.core.delivery.ChatDeliveryException;
import java.time.Duration;

/**
 * A Bot API call failed. Carries Telegram's {@code error_code} and {@code description} (both free
 * of the token) so callers can recognise benign answers such as "message is not modified".
 */
public class TelegramCallException extends ChatDeliveryException {
  private final int errorCode;
  private final String description;

  TelegramCallException(
      String message,
      int errorCode,
      String description,
      boolean retryable,
      Duration retryAfter,
      Throwable cause) {
    super(message, retryable, retryAfter, cause);
    this.errorCode = errorCode;
    this.description = description == null ? "" : description;
  }

  /** Telegram's error code (400, 403, 429, …), or 0 when no answer came (network failure). */
  public int errorCode() {
    return errorCode;
  }

  /** Telegram's description, or an empty string. */
  public String description() {
    return description;
  }

  /** Whether Telegram said an edit would not change the message (harmless). */
  public boolean messageNotModified() {
    return errorCode == 400 && description.contains("message is not modified");
  }

  /** Whether {@code getFile} refused because the file exceeds the download limit. */
  public boolean fileTooBig() {
    return errorCode == 400 && description.contains("file is too big");
  }
}
