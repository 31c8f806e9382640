package com.seedancebot.core.chat;

import java.util.Objects;

/**
 * The message a chat message replies to, as its surface saw it: the message's id, the job whose
 * video it shows when the bot itself posted that video (read from the bot's own buttons or
 * records), else null, and who wrote it (admins name a user by replying to their message). The core
 * checks such a job against the chat before using it.
 *
 * @param messageId the replied-to message's id on its platform, or null when only the job is known
 *     (a Discord modal, a context menu)
 * @param jobId the job whose finished video the message shows, or null
 * @param author who wrote the replied-to message, or null when unknown
 */
public record ReplyTarget(String messageId, String jobId, UserRef author) {
  public ReplyTarget {
    if (messageId == null && jobId == null) {
      throw new IllegalArgumentException("a reply target needs a message or a job");
    }
  }

  /** A replied-to message whose author is not known. */
  public ReplyTarget(String messageId, String jobId) {
    this(messageId, jobId, null);
  }

  /** The bot's video of {@code jobId}. */
  public static ReplyTarget video(String jobId) {
    return new ReplyTarget(null, Objects.requireNonNull(jobId, "jobId"));
  }
}
