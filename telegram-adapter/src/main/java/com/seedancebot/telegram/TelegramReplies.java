package com.seedancebot.telegram;

import com.seedancebot.core.chat.ChatRef;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;

/** Where and how the bot's messages are placed: forum topic, reply target, text limits. */
final class TelegramReplies {
  static final int MAX_TEXT = 4096;
  static final int MAX_CAPTION = 1024;

  private TelegramReplies() {}

  /** The forum topic to post into, or null. */
  static Integer thread(ChatRef chat) {
    return chat.threadId() == null ? null : Integer.valueOf(chat.threadId());
  }

  /** A reply to the message, still sent if that message was deleted; null for no reply. */
  static ReplyParameters replyTo(String messageId) {
    if (messageId == null || messageId.isBlank()) {
      return null;
    }
    return ReplyParameters.builder()
        .messageId(Integer.valueOf(messageId))
        .allowSendingWithoutReply(true)
        .build();
  }

  static String fitText(String text) {
    return fit(text, MAX_TEXT);
  }

  static String fitCaption(String text) {
    return fit(text, MAX_CAPTION);
  }

  private static String fit(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
