package com.seedancebot.core.chat;

import java.util.List;

/**
 * The core's one entry point for every chat surface. An adapter translates platform input into
 * these calls; every answer (replies, status messages, videos) goes back out through the {@code
 * ChatPort} registered for the platform, never as a return value. Calls may block on I/O
 * (attachment download, database): adapters call them off their platform's event thread. Thread
 * safe; never throws for bad user input (the user gets a message instead).
 */
public interface BotInbox {

  /**
   * A chat message with text (and attachments) that replies to {@code replyTo} (null when it
   * replies to nothing; its author is whom an admin command names). Non-commands are ignored,
   * except the answer to the bot's question for an edit or extension instruction; malformed
   * commands get a friendly error listing every problem.
   */
  void onMessage(
      UserRef user,
      ChatRef chat,
      String messageId,
      String text,
      List<IncomingAttachment> attachments,
      ReplyTarget replyTo);

  /** A chat message that replies to no message. */
  default void onMessage(
      UserRef user,
      ChatRef chat,
      String messageId,
      String text,
      List<IncomingAttachment> attachments) {
    onMessage(user, chat, messageId, text, attachments, null);
  }

  /** An already-parsed command (typed slash commands, context menus). */
  void onCommand(ChatRequest request);

  /** A button press on one of the bot's messages. */
  void onButton(UserRef user, ChatRef chat, String messageId, ButtonAction action, String jobId);

  /**
   * The caller's recent jobs in this chat whose id or prompt contains {@code typed} (any case),
   * newest first, at most 25: what a surface offers while a job id is typed. Blocks on the
   * database. None by default.
   */
  default List<JobChoice> recentJobs(UserRef user, ChatRef chat, String typed) {
    return List.of();
  }
}
