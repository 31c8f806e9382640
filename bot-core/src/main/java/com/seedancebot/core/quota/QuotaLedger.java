package com.seedancebot.core.quota;

import java.time.Instant;

/**
 * Books video jobs against budgets ({@link QuotaLimits}: per user, chat, server and for the whole
 * bot, in jobs, seconds and money, per rolling day and 30 days): a job reserves its seconds and
 * estimated cost when it is accepted, settles them at the real length and usage when it succeeds,
 * and is refunded when it fails, is cancelled or expires. Uses count from the moment they were
 * reserved.
 *
 * <p>Implementations are thread-safe and exact under concurrency, also across processes sharing one
 * database: no two reservations can together overspend an allowance. Every operation is idempotent
 * per job id: reserving again returns the first decision, and settling or refunding a job that is
 * not (or no longer) reserved changes nothing.
 */
public interface QuotaLedger {

  /**
   * Reserves one job, {@code seconds} of video (at least 1; for an automatic duration, the model's
   * maximum) and {@code money} (its estimated cost in millionths, 0 without prices) against every
   * budget of {@code limits}, or says which allowance blocks it.
   */
  QuotaDecision reserve(
      String jobId, QuotaKeys keys, QuotaLimits limits, int seconds, long money, Instant now);

  /**
   * {@link #reserve(String, QuotaKeys, QuotaLimits, int, long, Instant)} under the {@link
   * #defaults()}, without money, with {@code chatKey} as chat and server.
   */
  default QuotaDecision reserve(
      String jobId, String userKey, String chatKey, int seconds, Instant now) {
    return reserve(jobId, new QuotaKeys(userKey, chatKey, chatKey), defaults(), seconds, 0, now);
  }

  /**
   * Books a reserved job as done with the video's actual length and cost ({@code null}: as
   * estimated), which replace the reserved ones. Does nothing if the job is not reserved (unknown,
   * denied, settled or refunded).
   */
  void settle(String jobId, int actualSeconds, Long actualMoney, Instant now);

  /** Settles at the actual length, keeping the estimated cost. */
  default void settle(String jobId, int actualSeconds, Instant now) {
    settle(jobId, actualSeconds, null, now);
  }

  /** Gives a reserved job's allowance back. Does nothing if the job is not reserved. */
  void refund(String jobId, Instant now);

  /** What the user, chat, server and the bot have used and have left at {@code now}. */
  QuotaSnapshot remaining(QuotaKeys keys, QuotaLimits limits, Instant now);

  /** {@link #remaining(QuotaKeys, QuotaLimits, Instant)} under the {@link #defaults()}. */
  default QuotaSnapshot remaining(String userKey, String chatKey, Instant now) {
    return remaining(new QuotaKeys(userKey, chatKey, chatKey), defaults(), now);
  }

  /** The configured budgets, before tiers and admins' overrides. */
  QuotaLimits defaults();

  /**
   * Forgets settled, refunded and denied jobs reserved longer ago than the longest period (they no
   * longer count); afterwards, reserving such a job id again is decided anew. Returns how many were
   * forgotten.
   */
  int purge(Instant now);
}
