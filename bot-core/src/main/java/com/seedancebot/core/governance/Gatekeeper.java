package com.seedancebot.core.governance;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.UserRef;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides, before any command or button is run, whether the bot listens to a user in a chat: a user
 * or chat the access lists exclude ({@link AccessRules}) and a user an admin blocked are told once,
 * politely, why, and then ignored. Before anything is queued it also refuses work in a chat an
 * admin paused. Operators are never blocked. Admission also notes the {@code @username} a user is
 * shown by, so admins may name them by it. Thread-safe.
 */
public final class Gatekeeper {

  static final String BLOCKED_NOTICE = "blocked";

  private final GovernanceRules rules;
  private final BlockList blocks;
  private final PausedChats paused;
  private final NoticeLedger notices;
  private final KnownUsers known;
  private final Messages messages;
  private final Clock clock;

  public Gatekeeper(
      GovernanceRules rules,
      BlockList blocks,
      PausedChats paused,
      NoticeLedger notices,
      KnownUsers known,
      Messages messages,
      Clock clock) {
    this.rules = rules;
    this.blocks = blocks;
    this.paused = paused;
    this.notices = notices;
    this.known = known;
    this.messages = messages;
    this.clock = clock;
  }

  /** Whether {@code user} is one of the operators (admins everywhere). */
  public boolean isOperator(UserRef user) {
    return rules.isOperator(user);
  }

  /** Whether {@code user} may talk to the bot in {@code chat} at all. */
  public Admission admit(UserRef user, ChatRef chat) {
    if (user.displayName().startsWith("@")) {
      known.seen(user.platform(), user.displayName(), user.userId(), now());
    }
    if (rules.isOperator(user)) {
      return new Admission.Admitted();
    }
    AccessVerdict access = rules.access().decide(user, chat);
    if (access != AccessVerdict.ALLOWED) {
      String kind = "access." + access.name().toLowerCase(Locale.ROOT);
      String subject =
          access == AccessVerdict.CHAT_NOT_ALLOWED
              ? chat.platform() + ":" + chat.chatId()
              : user.key();
      return onceOnly(user, subject, kind, "governance." + kind);
    }
    if (blocks.isBlocked(chat.quotaKey(), user.key())) {
      return onceOnly(
          user, blockNoticeSubject(chat, user.key()), BLOCKED_NOTICE, "governance.blocked");
    }
    return new Admission.Admitted();
  }

  private Admission onceOnly(UserRef user, String subject, String kind, String messageKey) {
    return notices.firstTime(subject, kind, now())
        ? new Admission.Refused(messages.get(user.locale(), messageKey))
        : new Admission.Ignored();
  }

  /** Why nothing may be queued in {@code chat} now (it is paused), or empty when it may. */
  public Optional<String> queueRefusal(UserRef user, ChatRef chat) {
    return paused.isPaused(chat.quotaKey())
        ? Optional.of(messages.get(user.locale(), "governance.paused"))
        : Optional.empty();
  }

  /** The subject of the one-time "you are blocked" notice of a user in a scope. */
  static String blockNoticeSubject(ChatRef chat, String userKey) {
    return chat.quotaKey() + "|" + userKey;
  }

  private long now() {
    return clock.millis();
  }
}
