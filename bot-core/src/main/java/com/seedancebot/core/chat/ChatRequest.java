package com.seedancebot.core.chat;

import java.util.List;
import java.util.Objects;

/**
 * A platform-neutral request from a chat surface to the core: who asked, where, which message
 * (answers reply to it), the command, its attachments and the message it replies to (null when
 * none; admins name a user so, and a reply to a video edits or extends it).
 */
public record ChatRequest(
    UserRef user,
    ChatRef chat,
    String messageId,
    ChatCommand command,
    List<IncomingAttachment> attachments,
    ReplyTarget replyTo) {

  public ChatRequest {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(command, "command");
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** A request that replies to no message. */
  public ChatRequest(
      UserRef user,
      ChatRef chat,
      String messageId,
      ChatCommand command,
      List<IncomingAttachment> attachments) {
    this(user, chat, messageId, command, attachments, null);
  }

  /** Who wrote the message this one replies to, or null. */
  public UserRef repliedTo() {
    return replyTo == null ? null : replyTo.author();
  }
}
