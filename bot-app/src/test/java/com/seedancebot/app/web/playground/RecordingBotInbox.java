package com.seedancebot.app.web.playground;

import com.seedancebot.core.chat.BotInbox;
import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.ChatRequest;
import com.seedancebot.core.chat.IncomingAttachment;
import com.seedancebot.core.chat.ReplyTarget;
import com.seedancebot.core.chat.UserRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link BotInbox} test double that records every call. Attachments are read while the call is
 * running (the playground deletes its staged copies afterwards), as the core would.
 */
final class RecordingBotInbox implements BotInbox {

  record File(String name, String mimeType, long declaredSize, byte[] bytes) {}

  record Message(
      UserRef user,
      ChatRef chat,
      String messageId,
      String text,
      List<File> files,
      List<IncomingAttachment> attachments,
      ReplyTarget replyTo) {}

  record Button(UserRef user, ChatRef chat, String messageId, ButtonAction action, String jobId) {}

  final List<Message> messages = new CopyOnWriteArrayList<>();
  final List<Button> buttons = new CopyOnWriteArrayList<>();
  volatile RuntimeException failWith;

  @Override
  public void onMessage(
      UserRef user,
      ChatRef chat,
      String messageId,
      String text,
      List<IncomingAttachment> attachments,
      ReplyTarget replyTo) {
    if (failWith != null) {
      throw failWith;
    }
    List<File> files = attachments.stream().map(RecordingBotInbox::read).toList();
    messages.add(new Message(user, chat, messageId, text, files, attachments, replyTo));
  }

  @Override
  public void onCommand(ChatRequest request) {
    throw new UnsupportedOperationException("the playground sends raw messages");
  }

  @Override
  public void onButton(
      UserRef user, ChatRef chat, String messageId, ButtonAction action, String jobId) {
    buttons.add(new Button(user, chat, messageId, action, jobId));
  }

  private static File read(IncomingAttachment attachment) {
    try (InputStream in = attachment.content().open()) {
      return new File(
          attachment.fileName(),
          attachment.declaredMimeType(),
          attachment.declaredSize(),
          in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
