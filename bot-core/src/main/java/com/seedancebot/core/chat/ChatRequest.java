package com.seedancebot.core.chat;

import java.util.List;
import java.util.Objects;

/**
 * A platform-neutral request from a chat surface to the core: who asked, where, which message
 * (answers reply to it), the command and its attachments, and whose message it replies to (null
 * when none: admins name a user so).
 */
public record ChatRequest(
    UserRef user,
    ChatRef chat,
    String messageId,
    ChatCommand command,
    List<IncomingAttachment> attachments,
    UserRef repliedTo) {
  public ChatRequest {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(command, "command");
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** A request that replies to no one's message. */
  public ChatRequest(
      UserRef user,
      ChatRef chat,
      String messageId,
      ChatCommand command,
      List<IncomingAttachment> attachments) {
    this(user, chat, messageId, command, attachments, null);
  }
}
