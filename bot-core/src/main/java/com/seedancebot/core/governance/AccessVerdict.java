package com.seedancebot.core.governance;

/** Whether the access lists let a user use the bot in a chat, and if not, why. */
public enum AccessVerdict {
  ALLOWED,
  /** The user is denied, or not on a user allow list. */
  USER_NOT_ALLOWED,
  /** The chat or its server is denied, or not on an allow list. */
  CHAT_NOT_ALLOWED,
  /** A private chat while direct messages are off. */
  DIRECT_MESSAGES_OFF
}
