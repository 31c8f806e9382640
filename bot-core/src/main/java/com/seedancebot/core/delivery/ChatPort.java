package com.seedancebot.core.delivery;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Platform;
import java.util.List;
import java.util.Locale;

/**
 * What a chat surface (Telegram, Discord, the playground) must offer the core. All text arrives
 * rendered in the user's language; the surface only decides how to show it (buttons, replies,
 * threads). Methods may block on network I/O and are never called on a platform's event thread;
 * they throw {@link ChatDeliveryException} when the platform refuses or is unreachable.
 */
public interface ChatPort {

  Platform platform();

  /**
   * Whether this instance can post into the chat. True by default; a surface whose chats are split
   * over instances (Discord shards) answers false for the chats another instance serves, and the
   * core then leaves that job's status and delivery to the other instance.
   */
  default boolean reaches(ChatRef chat) {
    return true;
  }

  /** Sends a text message into the chat (and thread), replying to a message when given. */
  String sendText(ChatRef chat, String replyToMessageId, String text);

  /**
   * Sends a text with buttons under it (a {@code /history} page). A surface that has no buttons may
   * leave them out; by default they are.
   */
  default String sendText(
      ChatRef chat, String replyToMessageId, String text, java.util.List<ChatButton> buttons) {
    return sendText(chat, replyToMessageId, text);
  }

  /**
   * Sends a text with a Cancel button for each of {@code jobIds} (an admin's list of jobs),
   * labelled in {@code locale}; a press arrives as a Cancel of that job. A surface without buttons
   * sends the text alone, as this default does.
   */
  default String sendText(
      ChatRef chat, String replyToMessageId, String text, List<String> jobIds, Locale locale) {
    return sendText(chat, replyToMessageId, text);
  }

  /**
   * Asks the user a question that they answer by replying to it (an edit or extension instruction):
   * a surface that can open the reply box for them does so (Telegram's ForceReply). Returns the
   * question's message id, which the answer's reply refers to. By default a plain text.
   */
  default String askForReply(ChatRef chat, String replyToMessageId, String question) {
    return sendText(chat, replyToMessageId, question);
  }

  /**
   * Shows a job's status: sends a new status message when {@code status.statusMessageId()} is null,
   * else edits that message. Returns the status message id.
   */
  String showStatus(JobStatus status);

  /** Posts a finished video into the chat (or a link when the file is too big for the surface). */
  void deliverVideo(VideoDelivery delivery);
}
