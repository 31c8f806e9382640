package com.seedancebot.core.bot;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.governance.Gatekeeper;
import com.seedancebot.core.job.Job;

/**
 * Who may see a job's card ({@code /show}, the Show buttons of {@code /history}): operators see
 * every job; anyone else only jobs asked in the chat they are asking in (same platform and chat,
 * whatever the thread), and there only their own jobs, or every job when they administer the chat.
 * A job from another chat is never shown, not even to its owner: its prompt and video belong to the
 * chat it was made in. Stateless; thread-safe.
 */
final class JobVisibility {

  private final Gatekeeper gate;

  JobVisibility(Gatekeeper gate) {
    this.gate = gate;
  }

  boolean maySee(UserRef viewer, ChatRef where, Job job) {
    if (gate.isOperator(viewer)) {
      return true;
    }
    boolean sameChat =
        job.chat().platform() == where.platform() && job.chat().chatId().equals(where.chatId());
    boolean owner =
        job.owner().platform() == viewer.platform() && job.owner().userId().equals(viewer.userId());
    return sameChat && (owner || viewer.admin());
  }

  /**
   * Whether lists of this chat's jobs show everyone's ({@code /history} for admins and operators; a
   * private chat with the bot has only its user's jobs, so it lists them as theirs).
   */
  boolean seesWholeChat(UserRef viewer, ChatRef where) {
    boolean privateChat = where.chatId().equals(viewer.userId());
    return !privateChat && (viewer.admin() || gate.isOperator(viewer));
  }
}
