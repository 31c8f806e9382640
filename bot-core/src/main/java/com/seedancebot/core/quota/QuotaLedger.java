package com.seedancebot.core.quota;

import java.time.Instant;

/**
 * Books video jobs against the {@link QuotaPolicy}: a job reserves its seconds when it is accepted,
 * settles them at the real length when it succeeds, and is refunded when it fails, is cancelled or
 * expires. Uses count over a rolling 24 hours from the moment they were reserved.
 *
 * <p>Implementations are thread-safe and exact under concurrency, also across processes sharing one
 * database: no two reservations can together overspend an allowance. Every operation is idempotent
 * per job id: reserving again returns the first decision, and settling or refunding a job that is
 * not (or no longer) reserved changes nothing.
 */
public interface QuotaLedger {

  /**
   * Reserves one job and {@code seconds} of video (at least 1; for an automatic duration, the
   * model's maximum) for a user in a chat, or says which allowance blocks it.
   *
   * @param userKey {@code UserRef.key()}
   * @param chatKey {@code ChatRef.quotaKey()}
   */
  QuotaDecision reserve(String jobId, String userKey, String chatKey, int seconds, Instant now);

  /**
   * Books a reserved job as done with the video's actual length, which replaces the reserved
   * seconds. Does nothing if the job is not reserved (unknown, denied, settled or refunded).
   */
  void settle(String jobId, int actualSeconds, Instant now);

  /** Gives a reserved job's allowance back. Does nothing if the job is not reserved. */
  void refund(String jobId, Instant now);

  /** What the user, the chat and the bot have used and have left at {@code now}. */
  QuotaSnapshot remaining(String userKey, String chatKey, Instant now);

  /**
   * Forgets settled, refunded and denied jobs reserved more than 24 hours before {@code now} (they
   * no longer count); afterwards, reserving such a job id again is decided anew. Returns how many
   * were forgotten.
   */
  int purge(Instant now);
}
