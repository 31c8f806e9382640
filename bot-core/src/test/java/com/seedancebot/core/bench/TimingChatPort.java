package com.seedancebot.core.bench;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.delivery.ChatPort;
import com.seedancebot.core.delivery.JobStatus;
import com.seedancebot.core.delivery.VideoDelivery;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A chat surface that answers at once and remembers only what the benchmark needs: when each job's
 * video delivery started ({@link System#nanoTime()}) and how many status messages were shown or
 * edited. Constant memory per job, unlike a recording port. Thread-safe.
 */
final class TimingChatPort implements ChatPort {

  private final Map<String, Long> deliveryStarts = new ConcurrentHashMap<>();
  private final LongAdder statusCalls = new LongAdder();
  private final AtomicInteger ids = new AtomicInteger();

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
