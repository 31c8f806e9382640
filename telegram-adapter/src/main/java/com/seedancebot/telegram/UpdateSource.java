package com.seedancebot.telegram;

/**
 * How updates reach this instance: a webhook Telegram posts to, or long polling. Not restartable.
 */
interface UpdateSource extends AutoCloseable {

  /** Starts receiving; throws {@link TelegramCallException} when Telegram refuses or is away. */
  void start();

  /** How this instance receives updates right now, for operators (no secret in it). */
  String describe();

  @Override
  void close();
}
