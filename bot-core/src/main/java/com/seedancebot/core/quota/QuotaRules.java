package com.seedancebot.core.quota;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The arithmetic of quotas, free of storage: whether a job fits an allowance, when enough of it
 * frees up, and which of several denials to report. Pure functions.
 */
final class QuotaRules {

  /** One use that still counts: when it was reserved and the seconds and money it counts for. */
  record Use(Instant reservedAt, long seconds, long money) {}

  /**
   * What a scope used over the last day and the last 30 days; {@code oldest} is the oldest use that
   * still counts today, or null when none does.
   */
  record Usage(
      long dayJobs,
      long daySeconds,
      long dayMoney,
      long monthJobs,
      long monthSeconds,
      long monthMoney,
      Instant oldest) {
    long of(QuotaUnit unit, QuotaPeriod period) {
      boolean day = period == QuotaPeriod.DAY;
      return switch (unit) {
        case JOBS -> day ? dayJobs : monthJobs;
        case SECONDS -> day ? daySeconds : monthSeconds;
        case MONEY -> day ? dayMoney : monthMoney;
      };
    }

    Instant oldestExpiresAt() {
      return oldest == null ? null : oldest.plus(QuotaPeriod.DAY.window());
    }
  }

  private QuotaRules() {}

  /** How much of {@code unit} a job of {@code seconds} costing {@code money} needs. */
  static long requested(QuotaUnit unit, long seconds, long money) {
    return switch (unit) {
      case JOBS -> 1;
      case SECONDS -> seconds;
      case MONEY -> money;
    };
  }

  /** Whether a job needing {@code requested} exceeds a limit (0 = unlimited) given {@code used}. */
  static boolean exceeds(long limit, long used, long requested) {
    return limit > 0 && used + requested > limit;
  }

  /**
   * When enough uses (oldest first) stop counting for {@code requested} more to fit in {@code
   * limit}; null if {@code requested} exceeds the whole limit.
   */
  static Instant whenFits(
      List<Use> oldestFirst,
      QuotaUnit unit,
      QuotaPeriod period,
      long used,
      long requested,
      long limit,
      Instant now) {
    if (requested > limit) {
      return null;
    }
    long toFree = used + requested - limit;
    if (toFree <= 0) {
      return now;
    }
    long freed = 0;
    Instant last = now;
    for (Use use : oldestFirst) {
      freed += requested(unit, use.seconds(), use.money());
      last = use.reservedAt().plus(period.window());
      if (freed >= toFree) {
        return last;
      }
    }
    return last;
  }

  /**
   * The denial to report among several: the one that frees up last (a never-fitting one first),
   * since the job can run only once all of them have freed up; on a tie, the first listed.
   */
  static Optional<QuotaDecision.Denied> binding(List<QuotaDecision.Denied> denials) {
    QuotaDecision.Denied best = null;
    for (QuotaDecision.Denied denial : denials) {
      if (best == null || freesLater(denial, best)) {
        best = denial;
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean freesLater(QuotaDecision.Denied a, QuotaDecision.Denied b) {
    if (b.resetsAt() == null) {
      return false;
    }
    return a.resetsAt() == null || a.resetsAt().isAfter(b.resetsAt());
  }
}
