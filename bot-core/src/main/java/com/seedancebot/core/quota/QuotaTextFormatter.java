package com.seedancebot.core.quota;

import com.seedancebot.core.chat.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns quota outcomes into what the user reads (English or Chinese, keys {@code quota.*}): a
 * denial says which allowance ran out and how long until enough of it frees up; a snapshot is the
 * {@code /quota} answer, one line per scope (the bot-wide line only when a global limit is set).
 * Waits are rounded up to whole minutes. Thread-safe.
 */
public final class QuotaTextFormatter {

  private final Messages messages;

  public QuotaTextFormatter(Messages messages) {
    this.messages = Objects.requireNonNull(messages, "messages");
  }

  /** Why a job was denied and when it could run. */
  public String denial(Locale locale, QuotaDecision.Denied denied, Instant now) {
    String key =
        "quota.denied."
            + name(denied.scope())
            + (denied.unit() == QuotaUnit.JOBS ? ".jobs" : ".seconds");
    if (denied.unit() == QuotaUnit.SECONDS && !denied.fitsEver()) {
      key += ".never";
    }
    Instant until = denied.resetsAt() == null ? now : denied.resetsAt();
    return messages.get(
        locale,
        key,
        denied.limit(),
        denied.used(),
        wait(locale, until, now),
        denied.requested(),
        denied.left());
  }

  /** What the user, the chat and (if limited) the bot have left. */
  public String snapshot(Locale locale, QuotaSnapshot snapshot, Instant now) {
    List<String> lines = new ArrayList<>();
    lines.add(messages.get(locale, "quota.title"));
    lines.add(line(locale, snapshot.user(), now));
    lines.add(line(locale, snapshot.chat(), now));
    if (!snapshot.global().unlimited()) {
      lines.add(line(locale, snapshot.global(), now));
    }
    return String.join("\n", lines);
  }

  /** A wait such as "3 h 20 min", at least one minute. */
  public String wait(Locale locale, Instant until, Instant now) {
    Duration left = Duration.between(now, until);
    long minutes = Math.max(1, (left.toSeconds() + 59) / 60);
    if (minutes < 60) {
      return messages.get(locale, "quota.wait.minutes", minutes);
    }
    return messages.get(locale, "quota.wait.hours", minutes / 60, minutes % 60);
  }

  private String line(Locale locale, QuotaSnapshot.Scope scope, Instant now) {
    String label = messages.get(locale, "quota.scope." + name(scope.scope()));
    if (scope.unlimited()) {
      return messages.get(locale, "quota.line.unlimited", label);
    }
    String jobs =
        scope.jobs().unlimited()
            ? messages.get(locale, "quota.jobs.unlimited", scope.jobs().used())
            : messages.get(locale, "quota.jobs.left", scope.jobs().left(), scope.jobs().limit());
    String seconds =
        scope.seconds().unlimited()
            ? messages.get(locale, "quota.seconds.unlimited", scope.seconds().used())
            : messages.get(
                locale, "quota.seconds.left", scope.seconds().left(), scope.seconds().limit());
    if (scope.oldestExpiresAt() == null) {
      return messages.get(locale, "quota.line", label, jobs, seconds);
    }
    return messages.get(
        locale,
        "quota.line.frees",
        label,
        jobs,
        seconds,
        wait(locale, scope.oldestExpiresAt(), now));
  }

  private static String name(QuotaScope scope) {
    return switch (scope) {
      case USER -> "user";
      case CHAT -> "chat";
      case GLOBAL -> "global";
    };
  }
}
