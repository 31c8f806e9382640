package com.seedancebot.core.bench;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.delivery.ChatDeliveryException;
import com.seedancebot.core.delivery.ChatPort;
import com.seedancebot.core.delivery.JobStatus;
import com.seedancebot.core.delivery.VideoDelivery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A chat surface that answers at once and remembers only what the benchmark needs: when each job's
 * video delivery started ({@link System#nanoTime()}) and how many status messages were shown or
 * edited. Constant memory per job, unlike a recording port. Optionally every upload into one chat
 * hangs for a while (a stuck upload), and every video file is read through, streaming, as an upload
 * would (with a hook halfway through). Thread-safe.
 */
final class TimingChatPort implements ChatPort {

  private final Map<String, Long> deliveryStarts = new ConcurrentHashMap<>();
  private final LongAdder statusCalls = new LongAdder();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile String hangChatId;
  private volatile Duration hang = Duration.ZERO;
  private volatile Runnable readHalfway;

  /** Every upload into {@code chatId} blocks for {@code hang} (interruptible) after it started. */
  void hangUploadsIn(String chatId, Duration hang) {
    this.hang = hang;
    this.hangChatId = chatId;
  }

  /** Every upload reads its file through in 64 KiB chunks, calling {@code halfway} at half. */
  void readVideos(Runnable halfway) {
    this.readHalfway = halfway;
  }

  @Override
  public Platform platform() {
    return Platform.PLAYGROUND;
  }

  @Override
  public String sendText(ChatRef chat, String replyToMessageId, String text) {
    return "t" + ids.incrementAndGet();
  }

  @Override
  public String showStatus(JobStatus status) {
    statusCalls.increment();
    return status.statusMessageId() != null
        ? status.statusMessageId()
        : "s" + ids.incrementAndGet();
  }

  @Override
  public void deliverVideo(VideoDelivery delivery) {
    deliveryStarts.putIfAbsent(delivery.jobId(), System.nanoTime());
    if (readHalfway != null) {
      readThrough(delivery);
    }
    if (delivery.chat().chatId().equals(hangChatId)) {
      try {
        Thread.sleep(hang.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChatDeliveryException("upload interrupted", true, null, e);
      }
    }
  }

  private void readThrough(VideoDelivery delivery) {
    byte[] buffer = new byte[64 * 1024];
    long half = delivery.sizeBytes() / 2;
    long read = 0;
    boolean halfDone = false;
    try (InputStream in = Files.newInputStream(delivery.video())) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        read += n;
        if (!halfDone && read >= half) {
          halfDone = true;
          readHalfway.run();
        }
      }
    } catch (IOException e) {
      throw new ChatDeliveryException("video unreadable: " + e, true, null, e);
    }
    if (read != delivery.sizeBytes()) {
      throw new IllegalStateException("read " + read + " of " + delivery.sizeBytes() + " bytes");
    }
  }

  /** Job id → nanoTime at which {@link #deliverVideo} was first called for it. */
  Map<String, Long> deliveryStarts() {
    return deliveryStarts;
  }

  int delivered() {
    return deliveryStarts.size();
  }

  /** Status messages shown or edited so far; resets the count. */
  long takeStatusCalls() {
    return statusCalls.sumThenReset();
  }
}
