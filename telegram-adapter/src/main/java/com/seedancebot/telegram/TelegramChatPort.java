package com.seedancebot.telegram;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.delivery.ChatButton;
import com.seedancebot.core.delivery.ChatDeliveryException;
import com.seedancebot.core.delivery.ChatPort;
import com.seedancebot.core.delivery.JobStatus;
import com.seedancebot.core.delivery.VideoDelivery;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.send.SendVideo;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ForceReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;

/**
 * The core's way out to Telegram: texts and status messages in the request's chat and forum topic,
 * replying to the request; finished videos uploaded with {@code sendVideo} (streamable, with size,
 * duration, a JPEG thumbnail from the last frame, the core's result buttons) or, above the upload
 * limit, sent as a link; the last frame follows as a photo when the user asked for it ({@code
 * --last-frame}). Every message waits for Telegram's sending budget ({@link TelegramSendBudget}):
 * briefly in place, longer as a retryable failure, except {@link #sendText} (a command's reply,
 * sent once), which waits up to 15 s in place. Failures surface as {@link ChatDeliveryException}
 * (retryable for rate limits and network errors) without the token. Blocking; thread-safe.
 */
public final class TelegramChatPort implements ChatPort {
  private static final Logger log = LoggerFactory.getLogger(TelegramChatPort.class);
  private static final double MB = 1024.0 * 1024.0;

  private final TelegramApi api;
  private final TelegramStatusMessages statuses;
  private final TelegramSendBudget budget;

  /**
   * Replies to commands are sent once (the core does not retry them): they wait this long for a
   * chat whose statuses spent its sending budget, where the pipeline's messages hand longer waits
   * back to be retried later.
   */
  private static final Duration TEXT_BUDGET_WAIT = Duration.ofSeconds(15);

  private final TelegramKeyboards keyboards;
  private final UserLanguages languages;
  private final Messages messages;
  private final long uploadLimitBytes;

  public TelegramChatPort(
      TelegramApi api,
      TelegramStatusMessages statuses,
      TelegramSendBudget budget,
      TelegramKeyboards keyboards,
      UserLanguages languages,
      Messages messages,
      long uploadLimitBytes) {
    this.api = Objects.requireNonNull(api, "api");
    this.statuses = Objects.requireNonNull(statuses, "statuses");
    this.budget = Objects.requireNonNull(budget, "budget");
    this.keyboards = Objects.requireNonNull(keyboards, "keyboards");
    this.languages = Objects.requireNonNull(languages, "languages");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.uploadLimitBytes = uploadLimitBytes;
  }

  @Override
  public Platform platform() {
    return Platform.TELEGRAM;
  }

  @Override
  public String sendText(ChatRef chat, String replyToMessageId, String text) {
    budget.acquire(chat.chatId(), TEXT_BUDGET_WAIT);
    return sendNow(chat, replyToMessageId, text, null);
  }

  @Override
  public String sendText(
      ChatRef chat, String replyToMessageId, String text, List<ChatButton> buttons) {
    return send(chat, replyToMessageId, text, keyboards.labelled(buttons));
  }

  @Override
  public String sendText(
      ChatRef chat, String replyToMessageId, String text, List<String> jobIds, Locale locale) {
    return send(chat, replyToMessageId, text, keyboards.cancelEach(jobIds, locale));
  }

  /** The question opens the user's reply box (ForceReply, only for the users it replies to). */
  @Override
  public String askForReply(ChatRef chat, String replyToMessageId, String question) {
    return send(
        chat, replyToMessageId, question, ForceReplyKeyboard.builder().selective(true).build());
  }

  @Override
  public String showStatus(JobStatus status) {
    return statuses.show(status);
  }

  @Override
  public void deliverVideo(VideoDelivery delivery) {
    Locale locale =
        delivery.locale() != null
            ? delivery.locale()
            : languages.of(delivery.ownerUserId(), delivery.caption());
    InlineKeyboardMarkup buttons = keyboards.video(delivery.jobId(), delivery.buttons(), locale);
    if (delivery.sizeBytes() > uploadLimitBytes) {
      sendLink(delivery, locale, buttons);
      return;
    }
    budget.acquire(delivery.chat().chatId());
    showUploading(delivery.chat());
    byte[] thumbnail =
        delivery.lastFrame() == null ? null : JpegThumbnails.fromImage(delivery.lastFrame());
    api.call(
        "sendVideo",
        c ->
            c.execute(
                SendVideo.builder()
                    .chatId(delivery.chat().chatId())
                    .messageThreadId(TelegramReplies.thread(delivery.chat()))
                    .replyParameters(TelegramReplies.replyTo(delivery.requestMessageId()))
                    .video(new InputFile(delivery.video().toFile(), delivery.jobId() + ".mp4"))
                    .supportsStreaming(true)
                    .width(delivery.width() > 0 ? delivery.width() : null)
                    .height(delivery.height() > 0 ? delivery.height() : null)
                    .duration(seconds(delivery.durationSeconds()))
                    .thumbnail(
                        thumbnail == null
                            ? null
                            : new InputFile(new ByteArrayInputStream(thumbnail), "thumbnail.jpg"))
                    .caption(TelegramReplies.fitCaption(delivery.caption()))
                    .replyMarkup(buttons)
                    .build()));
    if (delivery.postsLastFrame()) {
      sendLastFrame(delivery, locale);
    }
  }

  /**
   * The last frame as a photo after the video ({@code --last-frame}). The video is already posted,
   * so a failure here is logged, not retried: retrying would post the video twice.
   */
  private void sendLastFrame(VideoDelivery delivery, Locale locale) {
    try {
      budget.acquire(delivery.chat().chatId());
      api.call(
          "sendPhoto",
          c ->
              c.execute(
                  SendPhoto.builder()
                      .chatId(delivery.chat().chatId())
                      .messageThreadId(TelegramReplies.thread(delivery.chat()))
                      .replyParameters(TelegramReplies.replyTo(delivery.requestMessageId()))
                      .photo(
                          new InputFile(
                              delivery.lastFrame().toFile(), delivery.jobId() + "-last.png"))
                      .caption(messages.get(locale, "last_frame.caption", delivery.jobId()))
                      .build()));
    } catch (ChatDeliveryException e) {
      log.warn("Last frame of job {} not posted: {}", delivery.jobId(), e.getMessage());
    }
  }

  private void sendLink(VideoDelivery delivery, Locale locale, InlineKeyboardMarkup buttons) {
    if (delivery.videoLink() == null) {
      throw new ChatDeliveryException(
          "video of job " + delivery.jobId() + " is over the upload limit and has no link",
          false,
          null,
          null);
    }
    String note =
        messages.get(
            locale,
            "telegram.video_too_big",
            megabytes(delivery.sizeBytes()),
            megabytes(uploadLimitBytes),
            delivery.videoLink().toString());
    send(delivery.chat(), delivery.requestMessageId(), delivery.caption() + "\n\n" + note, buttons);
  }

  private String send(ChatRef chat, String replyTo, String text, ReplyKeyboard markup) {
    budget.acquire(chat.chatId());
    return sendNow(chat, replyTo, text, markup);
  }

  /** Sends a message the sending budget was taken for. */
  private String sendNow(ChatRef chat, String replyTo, String text, ReplyKeyboard markup) {
    Message sent =
        api.call(
            "sendMessage",
            c ->
                c.execute(
                    SendMessage.builder()
                        .chatId(chat.chatId())
                        .messageThreadId(TelegramReplies.thread(chat))
                        .replyParameters(TelegramReplies.replyTo(replyTo))
                        .text(TelegramReplies.fitText(text))
                        .replyMarkup(markup)
                        .build()));
    return Integer.toString(sent.getMessageId());
  }

  /** "uploading video…" in the chat header; purely cosmetic, so failures are ignored. */
  private void showUploading(ChatRef chat) {
    try {
      api.call(
          "sendChatAction",
          c ->
              c.execute(
                  SendChatAction.builder()
                      .chatId(chat.chatId())
                      .messageThreadId(TelegramReplies.thread(chat))
                      .action(ActionType.UPLOAD_VIDEO.toString())
                      .build()));
    } catch (ChatDeliveryException e) {
      log.debug("sendChatAction failed: {}", e.getMessage());
    }
  }

  private static Integer seconds(double duration) {
    return duration > 0 ? (int) Math.max(1, Math.round(duration)) : null;
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / MB);
  }
}
