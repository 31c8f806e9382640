package com.seedancebot.core.testing;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.delivery.ChatDeliveryException;
import com.seedancebot.core.delivery.ChatPort;
import com.seedancebot.core.delivery.JobStatus;
import com.seedancebot.core.delivery.VideoDelivery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat surface for core tests: records every text, status and video the core sends, keeps the
 * current text of each status message, and can be told to fail the next calls.
 */
public final class RecordingChatPort implements ChatPort {

  /** One text message sent. */
  public record SentText(ChatRef chat, String replyTo, String text) {}

  private final Platform platform;
  private final AtomicInteger ids = new AtomicInteger();
  public final List<SentText> texts = new CopyOnWriteArrayList<>();

  /** The jobs whose Cancel buttons each text carried, by the text's message id. */
  public final Map<String, List<String>> cancelButtons = new ConcurrentHashMap<>();

  public final List<JobStatus> statusCalls = new CopyOnWriteArrayList<>();
  public final Map<String, String> statusById = new ConcurrentHashMap<>();
  public final List<VideoDelivery> videos = new CopyOnWriteArrayList<>();

  /** The logging context (SLF4J MDC) of each {@link #deliverVideo} call, in order. */
  public final List<Map<String, String>> videoLogContexts = new CopyOnWriteArrayList<>();

  private final AtomicInteger failNext = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicBoolean dieOnNextStatus =
      new java.util.concurrent.atomic.AtomicBoolean();

  public RecordingChatPort(Platform platform) {
    this.platform = platform;
  }

  /** Status messages the user deleted: editing one fails for good, as on Telegram. */
  public final java.util.Set<String> deletedStatus = ConcurrentHashMap.newKeySet();

  /** False: the chats are served by another instance ({@link ChatPort#reaches}). */
  public volatile boolean reachable = true;

  /** Chats (by id) served by another instance, e.g. another Discord shard's. */
  public final java.util.Set<String> servedElsewhere = ConcurrentHashMap.newKeySet();

  /** When set, every upload is refused for good with this reason (e.g. "file too big"). */
  public volatile String refuseUploads;

  private final AtomicInteger failUploads = new AtomicInteger();
  private final Map<String, java.util.concurrent.CountDownLatch> hungChats =
      new ConcurrentHashMap<>();

  /**
   * Uploads into chat {@code chatId} hang until {@code release} opens, as a stalled connection
   * would; an interrupted upload fails retryably, as an HTTP client's does.
   */
  public void hangUploadsIn(String chatId, java.util.concurrent.CountDownLatch release) {
    hungChats.put(chatId, release);
  }

  /** The next {@code n} uploads (only) throw a retryable {@link ChatDeliveryException}. */
  public void failNextUploads(int n) {
    failUploads.set(n);
  }

  /** The next {@code n} calls throw a retryable {@link ChatDeliveryException}. */
  public void failNext(int n) {
    failNext.set(n);
  }

  @Override
  public Platform platform() {
    return platform;
  }

  @Override
  public boolean reaches(ChatRef chat) {
    return reachable && !servedElsewhere.contains(chat.chatId());
  }

  @Override
  public String sendText(ChatRef chat, String replyToMessageId, String text) {
    maybeFail();
    texts.add(new SentText(chat, replyToMessageId, text));
    return "m" + ids.incrementAndGet();
  }

  /** The buttons sent under each text that had some, by the text. */
  public final Map<String, List<com.seedancebot.core.delivery.ChatButton>> buttons =
      new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public String sendText(
      ChatRef chat,
      String replyToMessageId,
      String text,
      List<com.seedancebot.core.delivery.ChatButton> withButtons) {
    String id = sendText(chat, replyToMessageId, text);
    buttons.put(text, List.copyOf(withButtons));
    return id;
  }

  @Override
  public String sendText(
      ChatRef chat,
      String replyToMessageId,
      String text,
      List<String> jobIds,
      java.util.Locale locale) {
    String id = sendText(chat, replyToMessageId, text);
    cancelButtons.put(id, List.copyOf(jobIds));
    return id;
  }

  /**
   * The next status shown kills the instance first (an Error no handler catches), as kill -9 would.
   */
  public void dieOnNextStatus() {
    dieOnNextStatus.set(true);
  }

  /** What a killed instance's thread throws: nothing after it runs on that instance. */
  public static final class InstanceKilled extends Error {
    InstanceKilled() {
      super("instance killed");
    }
  }

  @Override
  public String showStatus(JobStatus status) {
    if (dieOnNextStatus.getAndSet(false)) {
      throw new InstanceKilled();
    }
    maybeFail();
    if (status.statusMessageId() != null && deletedStatus.contains(status.statusMessageId())) {
      throw new ChatDeliveryException("Bad Request: message to edit not found", false, null, null);
    }
    statusCalls.add(status);
    String id =
        status.statusMessageId() != null ? status.statusMessageId() : "s" + ids.incrementAndGet();
    statusById.put(id, status.text());
    return id;
  }

  @Override
  public void deliverVideo(VideoDelivery delivery) {
    Map<String, String> logContext = org.slf4j.MDC.getCopyOfContextMap();
    videoLogContexts.add(logContext == null ? Map.of() : logContext);
    maybeFail();
    var hang = hungChats.get(delivery.chat().chatId());
    if (hang != null) {
      try {
        hang.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChatDeliveryException("upload interrupted", true, null, e);
      }
    }
    if (failUploads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new ChatDeliveryException("simulated upload timeout", true, null, null);
    }
    if (refuseUploads != null) {
      throw new ChatDeliveryException(refuseUploads, false, null, null);
    }
    videos.add(delivery);
  }

  /** Every text sent, in order. */
  public List<String> allTexts() {
    List<String> all = new ArrayList<>();
    texts.forEach(t -> all.add(t.text()));
    return all;
  }

  private void maybeFail() {
    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new ChatDeliveryException("simulated outage", true, null, null);
    }
  }
}
