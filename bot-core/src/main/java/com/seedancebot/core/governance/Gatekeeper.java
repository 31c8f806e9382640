package com.seedancebot.core.governance;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.quota.QuotaTextFormatter;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Decides, before any command or button is run, whether the bot listens to a user in a chat: a user
 * or chat the access lists exclude ({@link AccessRules}) and a user an admin blocked are told once,
 * politely, why, and then ignored. Before anything is queued it also refuses work in a chat an
 * admin paused, and from a user who waits after too many content refusals ({@link RefusalLimits}).
 * Operators are never blocked nor kept waiting. Admission also notes the {@code @username} a user
 * is shown by, so admins may name them by it. Thread-safe.
 */
public final class Gatekeeper {

  static final String BLOCKED_NOTICE = "blocked";

  private final GovernanceRules rules;
  private final BlockList blocks;
  private final PausedChats paused;
  private final NoticeLedger notices;
  private final KnownUsers known;
  private final RefusalCooldown cooldown;
  private final QuotaTextFormatter waits;
  private final Messages messages;
  private final Clock clock;

  public Gatekeeper(
      GovernanceRules rules,
      BlockList blocks,
      PausedChats paused,
      NoticeLedger notices,
      KnownUsers known,
      DataSource dataSource,
      Messages messages,
      Clock clock) {
    this.rules = rules;
    this.blocks = blocks;
    this.paused = paused;
    this.notices = notices;
    this.known = known;
    this.cooldown = new RefusalCooldown(dataSource, rules.refusals());
    this.waits = new QuotaTextFormatter(messages);
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

  /**
   * Why {@code user} may not queue anything in {@code chat} now (it is paused, or the user waits
   * after too many content refusals), or empty when they may.
   */
  public Optional<String> queueRefusal(UserRef user, ChatRef chat) {
    if (paused.isPaused(chat.quotaKey())) {
      return Optional.of(messages.get(user.locale(), "governance.paused"));
    }
    if (rules.isOperator(user)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return cooldown
        .of(user, now)
        .map(
            wait ->
                messages.get(
                    user.locale(),
                    "governance.refusal_cooldown",
                    wait.refusals(),
                    waits.wait(user.locale(), wait.until(), now)));
  }

  /** The subject of the one-time "you are blocked" notice of a user in a scope. */
  static String blockNoticeSubject(ChatRef chat, String userKey) {
    return chat.quotaKey() + "|" + userKey;
  }

  private long now() {
    return clock.millis();
  }
}
