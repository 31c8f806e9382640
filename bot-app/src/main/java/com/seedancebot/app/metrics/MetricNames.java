package com.seedancebot.app.metrics;

/**
 * The names of the bot's own metrics, as Micrometer names them; Prometheus shows them with
 * underscores and its suffixes ({@code seedance.provider.calls} → {@code
 * seedance_provider_calls_total}, {@code seedance.job.stage.duration} → {@code
 * seedance_job_stage_duration_seconds_bucket}). The README's list and the Grafana dashboard in
 * {@code docs/} use exactly these.
 */
public final class MetricNames {

  /** Gauge: jobs in the database by {@code state} and {@code model}. */
  public static final String JOBS = "seedance.jobs";

  /** Gauge: jobs waiting in the bot's own queue for a provider slot. */
  public static final String QUEUE_LENGTH = "seedance.queue.length";

  /** Counter: jobs that ended, by {@code state} and {@code model}. */
  public static final String JOBS_FINISHED = "seedance.jobs.finished";

  /** Histogram (seconds): time in each {@code stage}, by {@code model}. */
  public static final String STAGE_DURATION = "seedance.job.stage.duration";

  /**
   * Counter: provider calls by {@code provider}, {@code operation}, {@code outcome}, {@code
   * error_code}.
   */
  public static final String PROVIDER_CALLS = "seedance.provider.calls";

  /**
   * Histogram (seconds): provider call time by {@code provider}, {@code operation}, {@code
   * outcome}.
   */
  public static final String PROVIDER_CALL_DURATION = "seedance.provider.call.duration";

  /** Counter: chat-platform HTTP calls by {@code platform}, {@code method}, {@code outcome}. */
  public static final String CHAT_CALLS = "seedance.chat.calls";

  /** Counter: videos that reached their chat, by {@code platform} and {@code kind}. */
  public static final String DELIVERIES = "seedance.deliveries";

  /** Counter: requests refused for quota, by {@code reason} (scope and unit). */
  public static final String QUOTA_REFUSALS = "seedance.quota.refusals";

  /** Counter: provider callbacks received. */
  public static final String CALLBACKS_RECEIVED = "seedance.callbacks.received";

  /** Counter: provider callbacks rejected, by {@code reason}. */
  public static final String CALLBACKS_REJECTED = "seedance.callbacks.rejected";

  /** Counter (bytes): bytes written to the bot's storage, by {@code kind}. */
  public static final String STORED_BYTES = "seedance.stored";

  /** Gauge (bytes): free space of the file system holding {@code BOT_DATA_DIR}. */
  public static final String STORAGE_FREE = "seedance.storage.free";

  private MetricNames() {}
}
