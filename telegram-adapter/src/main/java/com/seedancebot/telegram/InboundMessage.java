package com.seedancebot.telegram;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.ReplyTarget;
import com.seedancebot.core.chat.UserRef;
import java.util.List;
import java.util.Objects;

/**
 * A Telegram message translated to the core's terms, before its files are downloaded: who, where,
 * which message, the text (or caption), the media it carries or replies to, and the message it
 * replies to.
 *
 * @param mediaGroupId the album it belongs to, or null
 * @param replyTo the replied-to message (with the job when it is one of the bot's videos, and its
 *     author), or null
 */
public record InboundMessage(
    UserRef user,
    ChatRef chat,
    String messageId,
    String text,
    List<TelegramMedia> media,
    String mediaGroupId,
    ReplyTarget replyTo) {
  public InboundMessage {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(messageId, "messageId");
    media = media == null ? List.of() : List.copyOf(media);
  }

  /**
   * The album as one message: the text and message id of the part with a caption (else the first
   * part), and every part's media in message order.
   */
  public static InboundMessage mergeAlbum(List<InboundMessage> parts) {
    List<InboundMessage> ordered =
        parts.stream().sorted((a, b) -> Long.compare(order(a), order(b))).toList();
    InboundMessage lead =
        ordered.stream()
            .filter(p -> p.text() != null && !p.text().isBlank())
            .findFirst()
            .orElse(ordered.get(0));
    List<TelegramMedia> media = ordered.stream().flatMap(p -> p.media().stream()).toList();
    return new InboundMessage(
        lead.user(),
        lead.chat(),
        lead.messageId(),
        lead.text(),
        media,
        lead.mediaGroupId(),
        lead.replyTo());
  }

  private static long order(InboundMessage m) {
    try {
      return Long.parseLong(m.messageId());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
