package com.seedancebot.core.quota;

import com.seedancebot.core.chat.Messages;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns quota outcomes into what the user reads (English or Chinese, keys {@code quota.*}): a
 * denial says which allowance ran out and how long until enough of it frees up; a snapshot is the
 * {@code /quota} answer, one line per scope (server and bot-wide lines only when limited, a 30-day
 * line only where a monthly limit is set), with money beside jobs and seconds when prices or money
 * limits are configured. Money is shown with two decimals in the configured currency; waits are
 * rounded up to whole minutes. Thread-safe.
 */
public final class QuotaTextFormatter {

  private final Messages messages;
  private final String currency;

  /** Formats money in {@code currency} (blank when no prices are configured). */
  public QuotaTextFormatter(Messages messages, String currency) {
    this.messages = Objects.requireNonNull(messages, "messages");
    this.currency = currency == null ? "" : currency.strip();
  }

  /** A formatter for a bot without prices. */
  public QuotaTextFormatter(Messages messages) {
    this(messages, "");
  }

  /** Why a job was denied and when it could run. */
  public String denial(Locale locale, QuotaDecision.Denied denied, Instant now) {
    Instant until = denied.resetsAt() == null ? now : denied.resetsAt();
    if (hasClassicText(denied)) {
      return classic(locale, denied, until, now);
    }
    String key = "quota.denied.limit";
    if (denied.unit() == QuotaUnit.JOBS) {
      key += ".jobs";
    } else if (!denied.fitsEver()) {
      key += ".never";
    }
    return messages.get(
        locale,
        key,
        amount(locale, denied.unit(), denied.requested()),
        amount(locale, denied.unit(), denied.left()),
        messages.get(locale, "quota.owner." + name(denied.scope())),
        amount(locale, denied.unit(), denied.limit()),
        messages.get(locale, "quota.period." + name(denied.period())),
        wait(locale, until, now));
  }

  /** Daily job and second limits of users, chats and the bot keep their own sentences. */
  private static boolean hasClassicText(QuotaDecision.Denied denied) {
    return denied.period() == QuotaPeriod.DAY
        && denied.unit() != QuotaUnit.MONEY
        && denied.scope() != QuotaScope.SERVER;
  }

  private String classic(Locale locale, QuotaDecision.Denied denied, Instant until, Instant now) {
    String key =
        "quota.denied."
            + name(denied.scope())
            + (denied.unit() == QuotaUnit.JOBS ? ".jobs" : ".seconds");
    if (denied.unit() == QuotaUnit.SECONDS && !denied.fitsEver()) {
      key += ".never";
    }
    return messages.get(
        locale,
        key,
        denied.limit(),
        denied.used(),
        wait(locale, until, now),
        denied.requested(),
        denied.left());
  }

  /** What the user, the chat and (if limited) the server and the bot have left. */
  public String snapshot(Locale locale, QuotaSnapshot snapshot, Instant now) {
    List<String> lines = new ArrayList<>();
    lines.add(messages.get(locale, "quota.title"));
    for (QuotaSnapshot.Scope scope :
        List.of(snapshot.user(), snapshot.chat(), snapshot.server(), snapshot.global())) {
      boolean always = scope.scope() == QuotaScope.USER || scope.scope() == QuotaScope.CHAT;
      if (always || !scope.unlimited()) {
        lines.add(line(locale, scope, now));
        if (!scope.month().unlimited()) {
          lines.add(monthLine(locale, scope));
        }
      }
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

  /** An amount of money given in millionths, e.g. {@code 5.01 CNY}. */
  public String money(long millionths) {
    String number =
        BigDecimal.valueOf(millionths, 6).setScale(2, RoundingMode.HALF_UP).toPlainString();
    return currency.isEmpty() ? number : number + " " + currency;
  }

  private String line(Locale locale, QuotaSnapshot.Scope scope, Instant now) {
    String label = messages.get(locale, "quota.scope." + name(scope.scope()));
    if (scope.unlimitedToday() && (currency.isEmpty() || scope.money().used() == 0)) {
      return messages.get(locale, "quota.line.unlimited", label);
    }
    String parts = parts(locale, scope.jobs(), scope.seconds(), scope.money());
    if (scope.oldestExpiresAt() == null) {
      return messages.get(locale, "quota.line", label, parts);
    }
    return messages.get(
        locale, "quota.line.frees", label, parts, wait(locale, scope.oldestExpiresAt(), now));
  }

  private String monthLine(Locale locale, QuotaSnapshot.Scope scope) {
    QuotaSnapshot.Month month = scope.month();
    return messages.get(
        locale,
        "quota.line.month",
        messages.get(locale, "quota.scope." + name(scope.scope())),
        parts(locale, month.jobs(), month.seconds(), month.money()));
  }

  private String parts(
      Locale locale, QuotaAllowance jobs, QuotaAllowance seconds, QuotaAllowance money) {
    List<String> parts = new ArrayList<>();
    parts.add(
        jobs.unlimited()
            ? messages.get(locale, "quota.jobs.unlimited", jobs.used())
            : messages.get(locale, "quota.jobs.left", jobs.left(), jobs.limit()));
    parts.add(
        seconds.unlimited()
            ? messages.get(locale, "quota.seconds.unlimited", seconds.used())
            : messages.get(locale, "quota.seconds.left", seconds.left(), seconds.limit()));
    if (!money.unlimited()) {
      parts.add(
          messages.get(locale, "quota.money.left", money(money.left()), money(money.limit())));
    } else if (!currency.isEmpty()) {
      parts.add(messages.get(locale, "quota.money.unlimited", money(money.used())));
    }
    return String.join(messages.get(locale, "quota.separator"), parts);
  }

  private String amount(Locale locale, QuotaUnit unit, long value) {
    return switch (unit) {
      case JOBS -> messages.get(locale, "quota.amount.jobs", value);
      case SECONDS -> messages.get(locale, "quota.amount.seconds", value);
      case MONEY -> money(value);
    };
  }

  private static String name(QuotaScope scope) {
    return switch (scope) {
      case USER -> "user";
      case CHAT -> "chat";
      case SERVER -> "server";
      case GLOBAL -> "global";
    };
  }

  private static String name(QuotaPeriod period) {
    return switch (period) {
      case DAY -> "day";
      case MONTH -> "month";
    };
  }
}
