package com.seedancebot.core.governance;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.quota.QuotaKeys;
import com.seedancebot.core.quota.QuotaOverride;
import com.seedancebot.core.quota.QuotaOverrides;
import com.seedancebot.core.quota.QuotaTier;
import com.seedancebot.core.quota.QuotaTiers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code /admin quota <user|chat|server> <tier | jobs=N seconds=N money=N | reset>}: sets (or
 * removes) the quota override of a user, of this chat or of this server within the admin's scope
 * ({@link ChatRef#quotaKey()}); a user may also be named by replying to their message. Every change
 * is written to the {@link AuditLog}. The caller has already checked that the user may administer.
 * Thread-safe.
 */
final class QuotaAdmin {

  private static final Pattern LIMIT =
      Pattern.compile("(jobs|seconds|money)=(\\d{1,12}(?:\\.\\d{1,6})?)", Pattern.CASE_INSENSITIVE);

  private final QuotaTiers tiers;
  private final QuotaOverrides overrides;
  private final UserTargets targets;
  private final AuditLog audit;
  private final Messages messages;
  private final Clock clock;

  QuotaAdmin(
      QuotaTiers tiers,
      QuotaOverrides overrides,
      UserTargets targets,
      AuditLog audit,
      Messages messages,
      Clock clock) {
    this.tiers = tiers;
    this.overrides = overrides;
    this.targets = targets;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
  }

  /** Whom the command is about, how it is shown, and the words that set the quota. */
  private record Target(String subject, String shown, List<String> words) {}

  String run(UserRef admin, ChatRef chat, List<String> args, UserRef repliedTo) {
    Locale l = admin.locale();
    Optional<Target> target = target(admin, chat, args, repliedTo);
    if (target.isEmpty() || target.get().words().isEmpty()) {
      return usage(l);
    }
    Target t = target.get();
    if (t.words().size() == 1 && t.words().get(0).equalsIgnoreCase("reset")) {
      if (!overrides.clear(chat.quotaKey(), t.subject())) {
        return messages.get(l, "admin.quota.reset.none", t.shown());
      }
      record(admin, chat, t.shown() + ": reset");
      return messages.get(l, "admin.quota.reset.done", t.shown());
    }
    if (t.words().size() == 1 && !t.words().get(0).contains("=")) {
      return setTier(admin, chat, t, t.words().get(0));
    }
    return setLimits(admin, chat, t);
  }

  private String setTier(UserRef admin, ChatRef chat, Target t, String name) {
    Optional<QuotaTier> tier = tiers.named(name);
    if (tier.isEmpty()) {
      return messages.get(admin.locale(), "admin.quota.unknown_tier", name, tierNames());
    }
    QuotaOverride override = QuotaOverride.tier(tier.get().name());
    overrides.set(chat.quotaKey(), t.subject(), override, admin.key(), clock.millis());
    record(admin, chat, t.shown() + ": tier " + tier.get().name());
    return messages.get(admin.locale(), "admin.quota.tier.done", t.shown(), tier.get().name());
  }

  private String setLimits(UserRef admin, ChatRef chat, Target t) {
    Long jobs = null;
    Long seconds = null;
    Long money = null;
    List<String> shown = new ArrayList<>();
    for (String word : t.words()) {
      Matcher m = LIMIT.matcher(word.strip());
      if (!m.matches()) {
        return messages.get(admin.locale(), "admin.quota.bad_value", word);
      }
      String key = m.group(1).toLowerCase(Locale.ROOT);
      BigDecimal value = new BigDecimal(m.group(2));
      if (!key.equals("money") && value.scale() > 0) {
        return messages.get(admin.locale(), "admin.quota.bad_value", word);
      }
      switch (key) {
        case "jobs" -> jobs = value.longValueExact();
        case "seconds" -> seconds = value.longValueExact();
        default ->
            money = value.movePointRight(6).setScale(0, RoundingMode.CEILING).longValueExact();
      }
      shown.add(key + "=" + value.toPlainString());
    }
    String limits = String.join(" ", shown);
    QuotaOverride override = new QuotaOverride(null, jobs, seconds, money);
    overrides.set(chat.quotaKey(), t.subject(), override, admin.key(), clock.millis());
    record(admin, chat, t.shown() + ": " + limits);
    return messages.get(admin.locale(), "admin.quota.limits.done", t.shown(), limits);
  }

  private Optional<Target> target(
      UserRef admin, ChatRef chat, List<String> args, UserRef repliedTo) {
    if (args.isEmpty()) {
      return Optional.empty();
    }
    String first = args.get(0).strip().toLowerCase(Locale.ROOT);
    List<String> rest = args.subList(1, args.size());
    if (first.equals("chat")) {
      String chatKey = QuotaKeys.of(admin, chat).chat();
      return Optional.of(new Target(QuotaOverrides.chatSubject(chatKey), chatKey, rest));
    }
    if (first.equals("server")) {
      return Optional.of(new Target(QuotaOverrides.SERVER_SUBJECT, chat.quotaKey(), rest));
    }
    Optional<String> named = targets.resolve(admin.platform(), args.get(0));
    if (named.isPresent()) {
      String key = admin.platform() + ":" + named.get();
      return Optional.of(new Target(key, key, rest));
    }
    if (repliedTo != null && repliedTo.platform() == admin.platform()) {
      return Optional.of(new Target(repliedTo.key(), repliedTo.key(), args));
    }
    return Optional.empty();
  }

  private String usage(Locale l) {
    return messages.get(l, "admin.quota.usage", tierNames());
  }

  private String tierNames() {
    return tiers.tiers().isEmpty()
        ? "—"
        : tiers.tiers().stream().map(QuotaTier::name).collect(Collectors.joining(", "));
  }

  private void record(UserRef admin, ChatRef chat, String what) {
    audit.record(
        chat.quotaKey(),
        new AuditEntry(admin.key(), admin.displayName(), AdminAction.QUOTA, what, clock.instant()));
  }
}
