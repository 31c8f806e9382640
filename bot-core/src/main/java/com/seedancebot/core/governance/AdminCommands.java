package com.seedancebot.core.governance;

import com.seedancebot.core.chat.ChatCommand;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.job.JobRepository;
import com.seedancebot.core.quota.QuotaOverrides;
import com.seedancebot.core.quota.QuotaTiers;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /admin block|unblock <user>}, {@code /admin pause|resume}, {@code /admin quota …} (see
 * {@link QuotaAdmin}), {@code /admin log [page]}, {@code /admin stats [days]} and {@code /admin
 * jobs}, for admins of the chat (or server) they are in and for operators. Blocks and pauses apply
 * to the chat's scope ({@link ChatRef#quotaKey()}: a Discord server as a whole); every change is
 * written to the {@link AuditLog}. Anyone else is told "admins only" in their language.
 * Thread-safe.
 */
public final class AdminCommands {

  private final GovernanceRules rules;
  private final BlockList blocks;
  private final PausedChats paused;
  private final NoticeLedger notices;
  private final AuditLog audit;
  private final AuditPages pages;
  private final AdminReports reports;
  private final UserTargets targets;
  private final QuotaAdmin quotas;
  private final Messages messages;
  private final Clock clock;

  public AdminCommands(
      GovernanceRules rules,
      BlockList blocks,
      PausedChats paused,
      NoticeLedger notices,
      AuditLog audit,
      UserTargets targets,
      JobStatistics statistics,
      JobRepository jobs,
      QuotaTiers tiers,
      QuotaOverrides overrides,
      Messages messages,
      Clock clock) {
    this.rules = rules;
    this.blocks = blocks;
    this.paused = paused;
    this.notices = notices;
    this.audit = audit;
    this.pages = new AuditPages(audit, messages);
    this.reports = new AdminReports(statistics, jobs, messages, clock);
    this.targets = targets;
    this.quotas = new QuotaAdmin(tiers, overrides, targets, audit, messages, clock);
    this.messages = messages;
    this.clock = clock;
  }

  /** An answer with the jobs it lists, each of which gets a Cancel button. */
  public record JobList(String text, List<String> jobIds) {
    public JobList {
      jobIds = List.copyOf(jobIds);
    }
  }

  /** {@code /admin jobs}: the queued and running jobs here, or "admins only". */
  public JobList jobList(UserRef user, ChatRef chat) {
    if (!rules.mayAdminister(user)) {
      return new JobList(messages.get(user.locale(), "admin.admins_only"), List.of());
    }
    return reports.jobs(user, chat);
  }

  /** Runs an admin command; returns the reply in the caller's language. */
  public String run(UserRef user, ChatRef chat, ChatCommand.Admin command) {
    return run(user, chat, command, null);
  }

  /**
   * Runs an admin command written as a reply to {@code repliedTo}'s message (or null), who is then
   * the user a command about a user is about unless it names one.
   */
  public String run(UserRef user, ChatRef chat, ChatCommand.Admin command, UserRef repliedTo) {
    Locale l = user.locale();
    if (!rules.mayAdminister(user)) {
      return messages.get(l, "admin.admins_only");
    }
    return switch (command.action()) {
      case "block" -> block(user, chat, withReplied(command, repliedTo));
      case "unblock" -> unblock(user, chat, withReplied(command, repliedTo));
      case "quota" -> quotas.run(user, chat, command.args(), repliedTo);
      case "pause" -> pause(user, chat);
      case "resume" -> resume(user, chat);
      case "log" -> pages.render(l, chat.quotaKey(), command.args());
      case "stats" -> reports.stats(user, chat, command.args());
      case "jobs" -> reports.jobs(user, chat).text();
      default -> messages.get(l, "admin.usage");
    };
  }

  private String block(UserRef admin, ChatRef chat, ChatCommand.Admin command) {
    Optional<String> target = target(admin, command);
    if (target.isEmpty()) {
      return unknownTarget(admin, command);
    }
    String key = admin.platform() + ":" + target.get();
    if (!blocks.block(chat.quotaKey(), key, admin.key(), clock.millis())) {
      return messages.get(admin.locale(), "admin.block.already", key);
    }
    notices.forget(Gatekeeper.blockNoticeSubject(chat, key), Gatekeeper.BLOCKED_NOTICE);
    record(admin, chat, AdminAction.BLOCK, key);
    return messages.get(admin.locale(), "admin.block.done", key);
  }

  private String unblock(UserRef admin, ChatRef chat, ChatCommand.Admin command) {
    Optional<String> target = target(admin, command);
    if (target.isEmpty()) {
      return unknownTarget(admin, command);
    }
    String key = admin.platform() + ":" + target.get();
    if (!blocks.unblock(chat.quotaKey(), key)) {
      return messages.get(admin.locale(), "admin.unblock.not_blocked", key);
    }
    record(admin, chat, AdminAction.UNBLOCK, key);
    return messages.get(admin.locale(), "admin.unblock.done", key);
  }

  private String pause(UserRef admin, ChatRef chat) {
    if (!paused.pause(chat.quotaKey(), admin.key(), clock.millis())) {
      return messages.get(admin.locale(), "admin.pause.already");
    }
    record(admin, chat, AdminAction.PAUSE, chat.quotaKey());
    return messages.get(admin.locale(), "admin.pause.done");
  }

  private String resume(UserRef admin, ChatRef chat) {
    if (!paused.resume(chat.quotaKey())) {
      return messages.get(admin.locale(), "admin.resume.not_paused");
    }
    record(admin, chat, AdminAction.RESUME, chat.quotaKey());
    return messages.get(admin.locale(), "admin.resume.done");
  }

  /** {@code /admin block} as a reply names the replied-to user when no user is written. */
  private static ChatCommand.Admin withReplied(ChatCommand.Admin command, UserRef repliedTo) {
    if (!command.args().isEmpty() || repliedTo == null) {
      return command;
    }
    return new ChatCommand.Admin(command.action(), List.of(repliedTo.key()));
  }

  private Optional<String> target(UserRef admin, ChatCommand.Admin command) {
    return command.args().isEmpty()
        ? Optional.empty()
        : targets.resolve(admin.platform(), command.args().get(0));
  }

  private String unknownTarget(UserRef admin, ChatCommand.Admin command) {
    return command.args().isEmpty()
        ? messages.get(admin.locale(), "admin.user.missing", command.action())
        : messages.get(admin.locale(), "admin.user.unknown", command.args().get(0));
  }

  private void record(UserRef admin, ChatRef chat, AdminAction action, String target) {
    audit.record(
        chat.quotaKey(),
        new AuditEntry(admin.key(), admin.displayName(), action, target, clock.instant()));
  }
}
