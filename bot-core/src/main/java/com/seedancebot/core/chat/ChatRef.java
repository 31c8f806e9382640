package com.seedancebot.core.chat;

import java.util.Objects;

/**
 * Where a request was asked and where every answer goes: a chat (Telegram chat, Discord channel,
 * playground session) and, optionally, a thread within it (forum topic, Discord thread). {@code
 * serverId} is the Discord guild, or null.
 */
public record ChatRef(Platform platform, String chatId, String threadId, String serverId) {
  public ChatRef {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(chatId, "chatId");
  }

  public static ChatRef of(Platform platform, String chatId) {
    return new ChatRef(platform, chatId, null, null);
  }

  /** The key per-chat quotas use: the server for Discord guilds, else the chat. */
  public String quotaKey() {
    return platform + ":" + (serverId != null ? "server:" + serverId : chatId);
  }
}
