package com.seedancebot.app.web.playground;

import com.seedancebot.core.chat.BotInbox;
import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.ReplyTarget;
import com.seedancebot.core.chat.UserRef;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Hands playground messages and button presses to the core's {@link BotInbox} on a small background
 * pool, so that an HTTP request is answered at once while the core inspects attachments and queues
 * the job. A full pool refuses work ({@link PlaygroundRequestException.Reason#BUSY}) and tells the
 * person in the chat; an unexpected failure of the core is logged and answered with a short apology
 * in the chat. Staged uploads are deleted once the core has handled the message.
 */
@ConditionalOnPlayground
@Component
public class PlaygroundInboxRelay implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(PlaygroundInboxRelay.class);
  private static final int THREADS = 2;
  private static final int QUEUE = 32;

  private final BotInbox inbox;
  private final PlaygroundChatPort port;
  private final Messages messages;
  private final Executor executor;

  /** For Spring: a private pool of {@value #THREADS} threads and {@value #QUEUE} waiting tasks. */
  @Autowired
  public PlaygroundInboxRelay(
      BotInbox inbox, PlaygroundChatPort port, ObjectProvider<Messages> messages) {
    this(inbox, port, messages.getIfAvailable(Messages::new), newPool());
  }

  PlaygroundInboxRelay(
      BotInbox inbox, PlaygroundChatPort port, Messages messages, Executor executor) {
    this.inbox = inbox;
    this.port = port;
    this.messages = messages;
    this.executor = executor;
  }

  /**
   * Passes a message (replying to {@code replyTo}, or null) to the core in the background; the
   * uploads are deleted afterwards.
   */
  public void message(
      UserRef user,
      ChatRef chat,
      String messageId,
      String text,
      StagedUploads uploads,
      ReplyTarget replyTo) {
    run(
        user,
        chat,
        messageId,
        () -> {
          try (uploads) {
            inbox.onMessage(user, chat, messageId, text, uploads.attachments(), replyTo);
          }
        },
        uploads::close);
  }

  /** Passes a button press to the core in the background. */
  public void button(
      UserRef user, ChatRef chat, String messageId, ButtonAction action, String jobId) {
    run(
        user,
        chat,
        messageId,
        () -> inbox.onButton(user, chat, messageId, action, jobId),
        () -> {});
  }

  private void run(
      UserRef user, ChatRef chat, String messageId, Runnable work, Runnable onRefused) {
    try {
      executor.execute(
          () -> {
            try {
              work.run();
            } catch (RuntimeException e) {
              LOG.warn("The core failed on a playground message in chat {}", chat.chatId(), e);
              port.sendText(chat, messageId, messages.get(user.locale(), "playground.failed"));
            }
          });
    } catch (RejectedExecutionException busy) {
      onRefused.run();
      port.sendText(chat, messageId, messages.get(user.locale(), "playground.busy"));
      throw new PlaygroundRequestException(
          PlaygroundRequestException.Reason.BUSY, messages.get(user.locale(), "playground.busy"));
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    if (executor instanceof ExecutorService pool) {
      pool.shutdown();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private static ExecutorService newPool() {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        THREADS,
        THREADS,
        0,
        TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(QUEUE),
        task -> {
          Thread thread = new Thread(task, "playground-inbox-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
