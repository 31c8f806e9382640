package com.seedancebot.core.quota;

/**
 * Whose allowance a quota counts against: the asking user, the chat (a Telegram chat, a Discord
 * channel), the server (a Discord guild; a Telegram group is its own server) or the whole bot.
 */
public enum QuotaScope {
  USER,
  CHAT,
  SERVER,
  GLOBAL
}
