package com.seedancebot.telegram;

import com.seedancebot.core.chat.BotInbox;
import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.ChatRequest;
import com.seedancebot.core.chat.IncomingAttachment;
import com.seedancebot.core.chat.ReplyTarget;
import com.seedancebot.core.chat.UserRef;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link BotInbox} that records what the adapter handed to the core. */
final class RecordingInbox implements BotInbox {
  record MessageCall(
      UserRef user,
      ChatRef chat,
      String messageId,
      String text,
      List<IncomingAttachment> attachments) {}

  record ButtonCall(
      UserRef user, ChatRef chat, String messageId, ButtonAction action, String jobId) {}

  final LinkedBlockingQueue<MessageCall> messages = new LinkedBlockingQueue<>();
  final LinkedBlockingQueue<ButtonCall> buttons = new LinkedBlockingQueue<>();

  @Override
  public void onMessage(
      UserRef user,
      ChatRef chat,
      String messageId,
      String text,
      List<IncomingAttachment> attachments,
      ReplyTarget replyTo) {
    messages.add(new MessageCall(user, chat, messageId, text, attachments));
  }

  @Override
  public void onCommand(ChatRequest request) {
    throw new UnsupportedOperationException("Telegram never sends pre-parsed commands");
  }

  @Override
  public void onButton(
      UserRef user, ChatRef chat, String messageId, ButtonAction action, String jobId) {
    buttons.add(new ButtonCall(user, chat, messageId, action, jobId));
  }

  MessageCall nextMessage() throws InterruptedException {
    MessageCall call = messages.poll(10, TimeUnit.SECONDS);
    if (call == null) {
      throw new AssertionError("the inbox received no message");
    }
    return call;
  }

  ButtonCall nextButton() throws InterruptedException {
    ButtonCall call = buttons.poll(10, TimeUnit.SECONDS);
    if (call == null) {
      throw new AssertionError("the inbox received no button press");
    }
    return call;
  }

  /** Asserts nothing arrives within {@code quiet}. */
  void assertNoMessage(Duration quiet) throws InterruptedException {
    MessageCall call = messages.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
    if (call != null) {
      throw new AssertionError("unexpected inbox call: " + call);
    }
  }
}
