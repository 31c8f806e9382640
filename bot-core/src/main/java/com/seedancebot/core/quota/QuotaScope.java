package com.seedancebot.core.quota;

/** Whose allowance a quota counts against: the asking user, the chat (or server), or the bot. */
public enum QuotaScope {
  USER,
  CHAT,
  GLOBAL
}
