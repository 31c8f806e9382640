package com.seedancebot.discord;

import com.seedancebot.core.chat.BotInbox;
import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.ChatRequest;
import com.seedancebot.core.chat.IncomingAttachment;
import com.seedancebot.core.chat.ReplyTarget;
import com.seedancebot.core.chat.UserRef;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A core double that records what the adapter hands it, in order. */
final class RecordingInbox implements BotInbox {

  /** One button press as the core received it. */
  record Press(UserRef user, ChatRef chat, String messageId, ButtonAction action, String jobId) {}

  private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
  private final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  public void onMessage(
      UserRef user,
      ChatRef chat,
      String messageId,
      String text,
      List<IncomingAttachment> attachments,
      ReplyTarget replyTo) {
    threads.add(Thread.currentThread());
    received.add(text);
  }

  @Override
  public void onCommand(ChatRequest request) {
    threads.add(Thread.currentThread());
    received.add(request);
  }

  @Override
  public void onButton(
      UserRef user, ChatRef chat, String messageId, ButtonAction action, String jobId) {
    threads.add(Thread.currentThread());
    received.add(new Press(user, chat, messageId, action, jobId));
  }

  ChatRequest awaitCommand() throws InterruptedException {
    return (ChatRequest) next();
  }

  Press awaitPress() throws InterruptedException {
    return (Press) next();
  }

  private Object next() throws InterruptedException {
    Object next = received.poll(10, TimeUnit.SECONDS);
    if (next == null) {
      throw new AssertionError("the core double received nothing");
    }
    return next;
  }

  /** Whether nothing arrived (checked after the adapter visibly answered on its own). */
  boolean isEmpty() {
    return received.isEmpty();
  }

  /** The threads the adapter called the core on. */
  List<Thread> callerThreads() {
    return List.copyOf(threads);
  }
}
