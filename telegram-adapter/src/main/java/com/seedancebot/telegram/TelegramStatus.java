package com.seedancebot.telegram;

import java.util.Objects;

/**
 * Whether the bot can take Telegram updates right now, for health checks: {@code up} once {@code
 * getMe} succeeded and the webhook is registered, or long polling runs here or stands by for the
 * instance that polls, while the Bot API server answers; otherwise down, with {@code detail} naming
 * why (the failing call and its cause, never the token).
 *
 * @param up whether updates can be taken
 * @param detail a short, token-free explanation for operators
 */
public record TelegramStatus(boolean up, String detail) {
  public TelegramStatus {
    Objects.requireNonNull(detail, "detail");
  }
}
