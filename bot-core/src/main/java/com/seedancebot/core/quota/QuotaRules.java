package com.seedancebot.core.quota;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The arithmetic of quotas, free of storage: whether a job fits an allowance, when enough of it
 * frees up, and which of several denials to report. Pure functions.
 */
final class QuotaRules {

  /** One use that still counts: when it was reserved and how many seconds it counts for. */
  record Use(Instant reservedAt, int seconds) {}

  /** What a scope used over the window; {@code oldest} is null when nothing counts. */
  record Usage(int jobs, int seconds, Instant oldest) {
    int of(QuotaUnit unit) {
      return switch (unit) {
        case JOBS -> jobs;
        case SECONDS -> seconds;
      };
    }

    Instant oldestExpiresAt() {
      return oldest == null ? null : oldest.plus(QuotaPolicy.WINDOW);
    }
  }

  private QuotaRules() {}

  /** How much of {@code unit} a job of {@code seconds} needs. */
  static int requested(QuotaUnit unit, int seconds) {
    return switch (unit) {
      case JOBS -> 1;
      case SECONDS -> seconds;
    };
  }

  /** Whether a job needing {@code requested} exceeds a limit (0 = unlimited) given {@code used}. */
  static boolean exceeds(int limit, int used, int requested) {
    return limit > 0 && (long) used + requested > limit;
  }

  /**
   * When enough uses (oldest first) stop counting for {@code requested} more to fit in {@code
   * limit}; null if {@code requested} exceeds the whole limit.
   */
  static Instant whenFits(
      List<Use> oldestFirst, QuotaUnit unit, int used, int requested, int limit, Instant now) {
    if (requested > limit) {
      return null;
    }
    long toFree = (long) used + requested - limit;
    if (toFree <= 0) {
      return now;
    }
    long freed = 0;
    Instant last = now;
    for (Use use : oldestFirst) {
      freed += requested(unit, use.seconds());
      last = use.reservedAt().plus(QuotaPolicy.WINDOW);
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
