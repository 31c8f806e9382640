package com.seedancebot.core.quota;

import java.time.Duration;

/**
 * The configured daily allowances, per user, per chat (a Discord channel) and for the whole bot, in
 * jobs and in seconds of video, counted over a rolling {@link #WINDOW} of 24 hours. A limit of 0 or
 * less means unlimited; the compact constructor normalises every such limit to 0, so {@link
 * #limit(QuotaScope, QuotaUnit)} returns either a positive limit or 0 for "unlimited".
 */
public record QuotaPolicy(
    int userJobsPerDay,
    int userSecondsPerDay,
    int chatJobsPerDay,
    int chatSecondsPerDay,
    int globalJobsPerDay,
    int globalSecondsPerDay) {

  /** How far back uses count: a use older than this no longer counts against any allowance. */
  public static final Duration WINDOW = QuotaPeriod.DAY.window();

  public QuotaPolicy {
    userJobsPerDay = Math.max(0, userJobsPerDay);
    userSecondsPerDay = Math.max(0, userSecondsPerDay);
    chatJobsPerDay = Math.max(0, chatJobsPerDay);
    chatSecondsPerDay = Math.max(0, chatSecondsPerDay);
    globalJobsPerDay = Math.max(0, globalJobsPerDay);
    globalSecondsPerDay = Math.max(0, globalSecondsPerDay);
  }

  /** No limit at all. */
  public static QuotaPolicy unlimited() {
    return new QuotaPolicy(0, 0, 0, 0, 0, 0);
  }

  /** The limit for one scope and unit: positive, or 0 when unlimited. */
  public int limit(QuotaScope scope, QuotaUnit unit) {
    return (int) toLimits().of(scope).limit(unit, QuotaPeriod.DAY);
  }

  /** These daily limits as budgets (chat limits per chat or channel; no server budget). */
  public QuotaLimits toLimits() {
    return new QuotaLimits(
        QuotaBudget.daily(userJobsPerDay, userSecondsPerDay),
        QuotaBudget.daily(chatJobsPerDay, chatSecondsPerDay),
        QuotaBudget.unlimited(),
        QuotaBudget.daily(globalJobsPerDay, globalSecondsPerDay));
  }

  /** Whether any limit applies to the scope (if not, its uses need not be counted or locked). */
  public boolean limits(QuotaScope scope) {
    return limit(scope, QuotaUnit.JOBS) > 0 || limit(scope, QuotaUnit.SECONDS) > 0;
  }
}
