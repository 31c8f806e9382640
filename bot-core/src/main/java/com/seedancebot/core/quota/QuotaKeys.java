package com.seedancebot.core.quota;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.UserRef;
import java.util.Objects;

/**
 * Whom a job counts against: the user, the chat and the server keys (the global scope needs none).
 * In a Telegram chat the server key is the chat's.
 *
 * @param user {@link UserRef#key()}
 * @param chat {@code PLATFORM:chatId}
 * @param server {@link ChatRef#quotaKey()}
 */
public record QuotaKeys(String user, String chat, String server) {
  public QuotaKeys {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(server, "server");
  }

  public static QuotaKeys of(UserRef user, ChatRef chat) {
    return new QuotaKeys(user.key(), chat.platform() + ":" + chat.chatId(), chat.quotaKey());
  }

  /** The key of one scope; null for the global scope. */
  public String of(QuotaScope scope) {
    return switch (scope) {
      case USER -> user;
      case CHAT -> chat;
      case SERVER -> server;
      case GLOBAL -> null;
    };
  }
}
