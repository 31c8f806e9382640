package com.seedancebot.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Each job's status message as this instance last showed it (message id and rendered content), so
 * that a job keeps one status message and no edit repeats what the message already shows. The core
 * names the message to edit; when it names none but this instance already showed the job's status,
 * that message is edited instead of a second one being sent. Callers hold {@link #lockFor} of the
 * job while they look up, show and {@link #record}, so that two concurrent first statuses of one
 * job make one message. Bounded in size and age; thread-safe.
 */
final class StatusMessages {

  private record Shown(String messageId, String content) {}

  private static final int STRIPES = 64;

  private final Object[] locks = new Object[STRIPES];
  private final Cache<String, Shown> byJob =
      Caffeine.newBuilder().maximumSize(50_000).expireAfterAccess(Duration.ofDays(1)).build();

  StatusMessages() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  /** The lock that serialises the status of this job (shared with a few other jobs). */
  Object lockFor(String jobId) {
    return locks[Math.floorMod(jobId.hashCode(), STRIPES)];
  }

  /** The message to edit: the one the core names, else the one this instance showed, else null. */
  String target(String jobId, String namedMessageId) {
    if (namedMessageId != null) {
      return namedMessageId;
    }
    Shown shown = byJob.getIfPresent(jobId);
    return shown == null ? null : shown.messageId();
  }

  /** Whether {@code messageId} is known to show exactly {@code content} already. */
  boolean shows(String jobId, String messageId, String content) {
    Shown shown = byJob.getIfPresent(jobId);
    return messageId != null
        && shown != null
        && shown.messageId().equals(messageId)
        && shown.content().equals(content);
  }

  /** Records that the job's status message is now {@code messageId}, showing {@code content}. */
  void record(String jobId, String messageId, String content) {
    byJob.put(jobId, new Shown(messageId, content));
  }
}
