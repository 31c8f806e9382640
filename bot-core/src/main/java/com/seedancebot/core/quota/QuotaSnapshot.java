package com.seedancebot.core.quota;

import java.time.Instant;
import java.util.Objects;

/**
 * What a user, their chat, their server and the whole bot have used and have left, as shown by
 * {@code /quota}. Reserved and settled jobs count; refunded ones do not.
 */
public record QuotaSnapshot(Scope user, Scope chat, Scope server, Scope global) {
  public QuotaSnapshot {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(global, "global");
  }

  /** A snapshot without a server budget. */
  public QuotaSnapshot(Scope user, Scope chat, Scope global) {
    this(user, chat, Scope.unlimited(QuotaScope.SERVER), global);
  }

  /**
   * One scope's allowances over the last 24 hours ({@code jobs}, {@code seconds}, {@code money})
   * and the last 30 days ({@code month}).
   *
   * @param oldestExpiresAt when the oldest use that still counts today stops counting, or null
   */
  public record Scope(
      QuotaScope scope,
      QuotaAllowance jobs,
      QuotaAllowance seconds,
      QuotaAllowance money,
      Month month,
      Instant oldestExpiresAt) {
    public Scope {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(jobs, "jobs");
      Objects.requireNonNull(seconds, "seconds");
      Objects.requireNonNull(money, "money");
      Objects.requireNonNull(month, "month");
    }

    /** Daily jobs and seconds only. */
    public Scope(
        QuotaScope scope, QuotaAllowance jobs, QuotaAllowance seconds, Instant oldestExpiresAt) {
      this(scope, jobs, seconds, new QuotaAllowance(0, 0), Month.none(), oldestExpiresAt);
    }

    static Scope unlimited(QuotaScope scope) {
      return new Scope(scope, new QuotaAllowance(0, 0), new QuotaAllowance(0, 0), null);
    }

    /** Whether no daily limit is set in this scope. */
    public boolean unlimitedToday() {
      return jobs.unlimited() && seconds.unlimited() && money.unlimited();
    }

    /** Whether nothing is limited in this scope. */
    public boolean unlimited() {
      return unlimitedToday() && month.unlimited();
    }
  }

  /** The allowances over the last 30 days. */
  public record Month(QuotaAllowance jobs, QuotaAllowance seconds, QuotaAllowance money) {
    public Month {
      Objects.requireNonNull(jobs, "jobs");
      Objects.requireNonNull(seconds, "seconds");
      Objects.requireNonNull(money, "money");
    }

    static Month none() {
      QuotaAllowance none = new QuotaAllowance(0, 0);
      return new Month(none, none, none);
    }

    /** Whether nothing is limited over 30 days. */
    public boolean unlimited() {
      return jobs.unlimited() && seconds.unlimited() && money.unlimited();
    }
  }
}
