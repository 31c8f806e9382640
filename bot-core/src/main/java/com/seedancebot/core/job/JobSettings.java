package com.seedancebot.core.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Timing of the job pipeline.
 *
 * @param pollInterval base interval between polls of a task ({@code BOT_POLL_INTERVAL})
 * @param maxPollInterval the backoff never waits longer than this between polls
 * @param maxLocalQueueTime a job still in the local queue after this long expires (refunded)
 * @param maxProviderTime a job at the provider after this long expires (Ark's default 48 h)
 * @param maxTransientFailures consecutive transient failures of one job before it fails for good
 * @param resultLinkTtl lifetime of the signed links to results shown to users
 * @param assetLinkTtl lifetime of the signed links to attachments given to providers
 * @param instanceId this instance's name in job leases (unique per running bot process)
 * @param leaseTime how long a lease keeps other instances off a job step; renewed while the step
 *     runs, so it is also how long a crashed instance's work waits before another takes it over
 * @param credentialGrace how long a provider may refuse the bot's credentials while polling before
 *     its jobs end with a refund
 */
public record JobSettings(
    Duration pollInterval,
    Duration maxPollInterval,
    Duration maxLocalQueueTime,
    Duration maxProviderTime,
    int maxTransientFailures,
    Duration resultLinkTtl,
    Duration assetLinkTtl,
    String instanceId,
    Duration leaseTime,
    Duration credentialGrace) {

  /** The grid polls are due on ({@link #pollDueAt}), at most the poll interval. */
  private static final Duration POLL_GRID = Duration.ofSeconds(1);

  public JobSettings {
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive");
    }
    if (maxPollInterval.compareTo(pollInterval) < 0) {
      maxPollInterval = pollInterval;
    }
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(leaseTime, "leaseTime");
    Objects.requireNonNull(credentialGrace, "credentialGrace");
    if (maxTransientFailures < 1) {
      throw new IllegalArgumentException("maxTransientFailures must be >= 1");
    }
  }

  /** Sensible production defaults around a base poll interval. */
  public static JobSettings defaults(Duration pollInterval) {
    return new JobSettings(
        pollInterval,
        pollInterval.multipliedBy(8),
        Duration.ofHours(6),
        Duration.ofHours(48),
        30,
        Duration.ofDays(7),
        Duration.ofHours(24),
        "bot-" + java.util.UUID.randomUUID(),
        Duration.ofSeconds(60),
        Duration.ofMinutes(5));
  }

  /** A copy for another instance name (e.g. one kept in the data directory across restarts). */
  public JobSettings withInstanceId(String id) {
    return new JobSettings(
        pollInterval,
        maxPollInterval,
        maxLocalQueueTime,
        maxProviderTime,
        maxTransientFailures,
        resultLinkTtl,
        assetLinkTtl,
        id,
        leaseTime,
        credentialGrace);
  }

  /** A copy with another lease time. */
  public JobSettings withLeaseTime(Duration lease) {
    return new JobSettings(
        pollInterval,
        maxPollInterval,
        maxLocalQueueTime,
        maxProviderTime,
        maxTransientFailures,
        resultLinkTtl,
        assetLinkTtl,
        instanceId,
        lease,
        credentialGrace);
  }

  /**
   * When a poll waiting {@code wait} from {@code now} is due: on a grid of whole seconds (or of the
   * poll interval, when shorter), so that the polls falling due within one grid step are due at the
   * same instant and the first pass after it, whichever instance makes it, polls them together in
   * one batch; instances sharing a database would otherwise split them into many smaller requests.
   * Rounded to the nearest step, or up when the wait is a minimum (a provider's Retry-After).
   */
  public Instant pollDueAt(Instant now, Duration wait, boolean atLeast) {
    long grid = Math.min(POLL_GRID.toMillis(), pollInterval.toMillis());
    long due = now.plus(wait).toEpochMilli();
    long aligned =
        atLeast ? -Math.floorDiv(-due, grid) * grid : Math.floorDiv(due + grid / 2, grid) * grid;
    return Instant.ofEpochMilli(aligned);
  }

  /**
   * Exponential backoff with jitter: attempt 0 waits about the base interval, each further attempt
   * doubles it up to the maximum; {@code jitter} in [0,1) spreads the wait over 75–125 % so that
   * many jobs do not retry in lockstep.
   */
  public Duration backoff(int attempt, double jitter) {
    long base = pollInterval.toMillis();
    long capped = Math.min(maxPollInterval.toMillis(), base << Math.min(Math.max(attempt, 0), 20));
    return Duration.ofMillis((long) (capped * (0.75 + 0.5 * jitter)));
  }
}
