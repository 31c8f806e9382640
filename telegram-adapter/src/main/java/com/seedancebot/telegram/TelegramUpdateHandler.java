package com.seedancebot.telegram;

import com.seedancebot.core.chat.BotInbox;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.IncomingAttachment;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.delivery.ChatPort;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Turns Telegram updates into {@link BotInbox} calls, on the calling thread (the {@link
 * UpdateIntake} runs it on the inbound executor once an update is claimed). Messages addressed to
 * the bot, and plain texts replying to a message (answers to its questions), become {@code
 * onMessage} with lazily downloaded attachments (the parts of an album as one message); files over
 * the Bot API download limit get a reply in the user's language and never reach the core. Button
 * presses are acknowledged with {@code answerCallbackQuery} and become {@code onButton}. Never
 * throws: a failure is logged. Thread-safe.
 */
public final class TelegramUpdateHandler {
  private static final Logger log = LoggerFactory.getLogger(TelegramUpdateHandler.class);
  private static final double MB = 1024.0 * 1024.0;

  private final BotInbox inbox;
  private final TelegramCommandReader reader;
  private final TelegramFiles files;
  private final TelegramApi api;
  private final ChatPort replies;
  private final TelegramBotIdentity identity;
  private final UserLanguages languages;
  private final Messages messages;
  private final long downloadLimitBytes;

  public TelegramUpdateHandler(
      BotInbox inbox,
      TelegramCommandReader reader,
      TelegramFiles files,
      TelegramApi api,
      ChatPort replies,
      TelegramBotIdentity identity,
      UserLanguages languages,
      Messages messages,
      long downloadLimitBytes) {
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.files = Objects.requireNonNull(files, "files");
    this.api = Objects.requireNonNull(api, "api");
    this.replies = Objects.requireNonNull(replies, "replies");
    this.identity = Objects.requireNonNull(identity, "identity");
    this.languages = Objects.requireNonNull(languages, "languages");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.downloadLimitBytes = downloadLimitBytes;
  }

  /** Processes one update that is not part of an album. */
  public void process(Update update) {
    if (update.hasMessage()) {
      guarded(() -> read(update.getMessage()).ifPresent(this::dispatch));
    } else if (update.hasCallbackQuery()) {
      guarded(() -> onButton(update.getCallbackQuery()));
    }
  }

  /** Processes the parts of one album (in any order) as one message. */
  public void processAlbum(List<Message> parts) {
    guarded(
        () -> {
          List<InboundMessage> read =
              parts.stream().map(this::read).flatMap(Optional::stream).toList();
          if (!read.isEmpty()) {
            dispatch(InboundMessage.mergeAlbum(read));
          }
        });
  }

  private Optional<InboundMessage> read(Message message) {
    InboundMessage inbound = reader.read(message);
    if (inbound != null) {
      languages.remember(inbound.user().userId(), inbound.user().locale());
    }
    return Optional.ofNullable(inbound);
  }

  private void dispatch(InboundMessage m) {
    if (!identity.addressedToUs(m.text()) && !mayAnswerAQuestion(m)) {
      return;
    }
    for (TelegramMedia media : m.media()) {
      long size = knownSize(media);
      if (size > downloadLimitBytes) {
        replyTooBig(m, media, size);
        return;
      }
    }
    List<IncomingAttachment> attachments = m.media().stream().map(this::attachment).toList();
    inbox.onMessage(m.user(), m.chat(), m.messageId(), m.text(), attachments, m.replyTo());
  }

  /**
   * A plain text replying to a message (no file of its own) may be the answer to the bot's question
   * for an edit or extension instruction; the core decides, and ignores every other one.
   */
  private static boolean mayAnswerAQuestion(InboundMessage m) {
    return m.replyTo() != null && m.media().isEmpty() && m.text() != null && !m.text().isBlank();
  }

  /** The declared size, else what {@code getFile} says; MAX_VALUE when Telegram refuses. */
  private long knownSize(TelegramMedia media) {
    if (media.size() >= 0) {
      return media.size();
    }
    try {
      Long size = files.describe(media.fileId()).getFileSize();
      return size == null ? -1 : size;
    } catch (TelegramCallException e) {
      return e.fileTooBig() ? Long.MAX_VALUE : -1;
    }
  }

  private void replyTooBig(InboundMessage m, TelegramMedia media, long size) {
    String shown = size == Long.MAX_VALUE ? ">" + mb(downloadLimitBytes) : mb(size);
    String text =
        messages.get(
            m.user().locale(),
            "telegram.file_too_big",
            media.fileName(),
            shown,
            mb(downloadLimitBytes));
    replies.sendText(m.chat(), m.messageId(), text);
  }

  private IncomingAttachment attachment(TelegramMedia media) {
    return new IncomingAttachment(
        media.fileName(), media.mimeType(), media.size(), null, () -> files.open(media.fileId()));
  }

  private void onButton(CallbackQuery query) {
    try {
      api.call("answerCallbackQuery", c -> c.execute(new AnswerCallbackQuery(query.getId())));
    } catch (TelegramCallException e) {
      log.info("answerCallbackQuery failed: {}", e.getMessage());
    }
    CallbackData data = CallbackData.decode(query.getData());
    MaybeInaccessibleMessage message = query.getMessage();
    if (data == null || message == null || query.getFrom() == null) {
      return;
    }
    ChatRef chat =
        message instanceof Message m
            ? TelegramCommandReader.chat(m)
            : ChatRef.of(Platform.TELEGRAM, Long.toString(message.getChatId()));
    UserRef user = reader.user(query.getFrom(), message.getChat());
    languages.remember(user.userId(), user.locale());
    inbox.onButton(
        user, chat, Integer.toString(message.getMessageId()), data.action(), data.jobId());
  }

  private static String mb(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f", bytes / MB);
  }

  private void guarded(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      log.error("Telegram update failed: {}", api.describe(e));
    }
  }
}
