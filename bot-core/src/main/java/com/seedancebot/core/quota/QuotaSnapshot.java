package com.seedancebot.core.quota;

import java.time.Instant;
import java.util.Objects;

/**
 * What a user, their chat and the whole bot have used and have left over the last 24 hours, as
 * shown by {@code /quota}. Reserved and settled jobs count; refunded ones do not.
 */
public record QuotaSnapshot(Scope user, Scope chat, Scope global) {
  public QuotaSnapshot {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(global, "global");
  }

  /**
   * One scope's allowances.
   *
   * @param oldestExpiresAt when the oldest use that still counts stops counting, or null if none
   */
  public record Scope(
      QuotaScope scope, QuotaAllowance jobs, QuotaAllowance seconds, Instant oldestExpiresAt) {
    public Scope {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(jobs, "jobs");
      Objects.requireNonNull(seconds, "seconds");
    }

    /** Whether neither jobs nor seconds are limited in this scope. */
    public boolean unlimited() {
      return jobs.unlimited() && seconds.unlimited();
    }
  }
}
