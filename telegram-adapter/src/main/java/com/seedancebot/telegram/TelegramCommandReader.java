package com.seedancebot.telegram;

import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.ReplyTarget;
import com.seedancebot.core.chat.UserRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

/**
 * Translates a Telegram {@link Message} into an {@link InboundMessage}: the sender (language from
 * {@code language_code}, admin flag from {@link ChatAdmins}), the chat and forum topic, the text or
 * caption as typed (commands are parsed by the core), and the media: the largest photo size,
 * documents, videos, animations, audio, voice notes and video notes; a message without media that
 * replies to one with media carries the replied-to media, except a video the bot posted: the reply
 * names its job (from the bot's own buttons) and the core uses its stored copy. Blocking (admin
 * lookup); thread-safe.
 */
public final class TelegramCommandReader {
  private final ChatAdmins admins;

  public TelegramCommandReader(ChatAdmins admins) {
    this.admins = Objects.requireNonNull(admins, "admins");
  }

  /** The message in the core's terms, or null when it has no human sender (channel posts). */
  public InboundMessage read(Message message) {
    User from = message.getFrom();
    if (from == null || message.getChat() == null) {
      return null;
    }
    List<TelegramMedia> media = media(message);
    Message replied = message.getReplyToMessage();
    String botVideoJob = replied == null ? null : botVideoJob(replied);
    if (media.isEmpty() && replied != null && botVideoJob == null) {
      media = media(replied);
    }
    String text = message.getText() != null ? message.getText() : message.getCaption();
    return new InboundMessage(
        user(from, message.getChat()),
        chat(message),
        Integer.toString(message.getMessageId()),
        text,
        media,
        message.getMediaGroupId(),
        replied == null
            ? null
            : new ReplyTarget(
                Integer.toString(replied.getMessageId()), botVideoJob, author(replied)));
  }

  /**
   * The job of a video the bot posted, read from the buttons the bot put under it; null for any
   * other message.
   */
  static String botVideoJob(Message m) {
    boolean video = m.hasVideo() || m.hasDocument() || m.hasAnimation();
    if (!video
        || m.getFrom() == null
        || !Boolean.TRUE.equals(m.getFrom().getIsBot())
        || m.getReplyMarkup() == null
        || m.getReplyMarkup().getKeyboard() == null) {
      return null;
    }
    return m.getReplyMarkup().getKeyboard().stream()
        .flatMap(List::stream)
        .map(b -> CallbackData.decode(b.getCallbackData()))
        .filter(d -> d != null && d.action() != ButtonAction.CANCEL)
        .map(CallbackData::jobId)
        .findFirst()
        .orElse(null);
  }

  /** The sender as the core sees them. */
  public UserRef user(User from, Chat chat) {
    Locale locale = Messages.languageOf(from.getLanguageCode());
    boolean admin = admins.isAdmin(chat.getId(), chat.getType(), from.getId());
    return new UserRef(Platform.TELEGRAM, Long.toString(from.getId()), name(from), locale, admin);
  }

  /** Who wrote a replied-to message (as admins name a user), or null for none or a bot. */
  private static UserRef author(Message replied) {
    if (replied == null
        || replied.getFrom() == null
        || Boolean.TRUE.equals(replied.getFrom().getIsBot())) {
      return null;
    }
    User from = replied.getFrom();
    return new UserRef(
        Platform.TELEGRAM,
        Long.toString(from.getId()),
        name(from),
        Messages.languageOf(from.getLanguageCode()),
        false);
  }

  /** The chat, with the forum topic as thread when the message is in one. */
  public static ChatRef chat(Message message) {
    String thread =
        message.isTopicMessage() && message.getMessageThreadId() != null
            ? Integer.toString(message.getMessageThreadId())
            : null;
    return new ChatRef(Platform.TELEGRAM, Long.toString(message.getChatId()), thread, null);
  }

  /** The files a message carries, in a stable order. */
  public static List<TelegramMedia> media(Message m) {
    List<TelegramMedia> out = new ArrayList<>();
    if (m.hasPhoto() && !m.getPhoto().isEmpty()) {
      PhotoSize p = m.getPhoto().stream().max(Comparator.comparingLong(s -> area(s))).orElseThrow();
      out.add(
          media(
              p.getFileId(),
              null,
              "photo_" + p.getFileUniqueId() + ".jpg",
              "image/jpeg",
              n(p.getFileSize())));
    }
    if (m.hasDocument()) {
      var d = m.getDocument();
      out.add(
          media(d.getFileId(), d.getFileName(), "document", d.getMimeType(), n(d.getFileSize())));
    }
    if (m.hasVideo()) {
      var v = m.getVideo();
      out.add(
          media(
              v.getFileId(),
              v.getFileName(),
              "video.mp4",
              mime(v.getMimeType(), "video/mp4"),
              n(v.getFileSize())));
    }
    if (m.hasAnimation()) {
      var a = m.getAnimation();
      out.add(
          media(
              a.getFileId(),
              a.getFileName(),
              "animation.mp4",
              mime(a.getMimeType(), "video/mp4"),
              n(a.getFileSize())));
    }
    if (m.hasAudio()) {
      var a = m.getAudio();
      out.add(
          media(
              a.getFileId(),
              a.getFileName(),
              "audio.mp3",
              mime(a.getMimeType(), "audio/mpeg"),
              n(a.getFileSize())));
    }
    if (m.hasVoice()) {
      var v = m.getVoice();
      out.add(
          media(
              v.getFileId(),
              null,
              "voice.ogg",
              mime(v.getMimeType(), "audio/ogg"),
              n(v.getFileSize())));
    }
    if (m.hasVideoNote()) {
      var v = m.getVideoNote();
      out.add(media(v.getFileId(), null, "video_note.mp4", "video/mp4", n(v.getFileSize())));
    }
    return out;
  }

  private static TelegramMedia media(
      String id, String name, String fallbackName, String mime, long size) {
    return new TelegramMedia(id, name == null || name.isBlank() ? fallbackName : name, mime, size);
  }

  private static long area(PhotoSize s) {
    if (s.getWidth() != null && s.getHeight() != null) {
      return (long) s.getWidth() * s.getHeight();
    }
    return n(s.getFileSize());
  }

  private static String mime(String declared, String fallback) {
    return declared == null || declared.isBlank() ? fallback : declared;
  }

  private static long n(Number value) {
    return value == null ? -1 : value.longValue();
  }

  private static String name(User u) {
    if (u.getUserName() != null && !u.getUserName().isBlank()) {
      return "@" + u.getUserName();
    }
    String last = u.getLastName() == null ? "" : " " + u.getLastName();
    return u.getFirstName() + last;
  }
}
