package com.seedancebot.app.metrics;

import com.seedancebot.core.quota.QuotaDecision;
import com.seedancebot.core.quota.QuotaKeys;
import com.seedancebot.core.quota.QuotaLedger;
import com.seedancebot.core.quota.QuotaLimits;
import com.seedancebot.core.quota.QuotaPeriod;
import com.seedancebot.core.quota.QuotaSnapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Locale;

/**
 * A {@link QuotaLedger} that counts refused reservations as {@link MetricNames#QUOTA_REFUSALS},
 * tagged with the {@code reason}: the allowance that ran out, as scope and unit ({@code user_jobs},
 * {@code chat_seconds}, {@code server_money}, {@code user_jobs_month} …). Behaviour is otherwise
 * the ledger's.
 */
public final class MeteredQuotaLedger implements QuotaLedger {

  private final QuotaLedger delegate;
  private final MeterRegistry registry;

  public MeteredQuotaLedger(QuotaLedger delegate, MeterRegistry registry) {
    this.delegate = delegate;
    this.registry = registry;
  }

  @Override
  public QuotaDecision reserve(
      String jobId, QuotaKeys keys, QuotaLimits limits, int seconds, long money, Instant now) {
    return counted(delegate.reserve(jobId, keys, limits, seconds, money, now));
  }

  @Override
  public QuotaDecision reserve(
      String jobId, String userKey, String chatKey, int seconds, Instant now) {
    return counted(delegate.reserve(jobId, userKey, chatKey, seconds, now));
  }

  private QuotaDecision counted(QuotaDecision decision) {
    if (decision instanceof QuotaDecision.Denied denied) {
      Counter.builder(MetricNames.QUOTA_REFUSALS)
          .description("Requests refused because an allowance ran out")
          .tag("reason", reason(denied))
          .register(registry)
          .increment();
    }
    return decision;
  }

  private static String reason(QuotaDecision.Denied denied) {
    String monthly = denied.period() == QuotaPeriod.MONTH ? "_month" : "";
    return (denied.scope() + "_" + denied.unit() + monthly).toLowerCase(Locale.ROOT);
  }

  @Override
  public void settle(String jobId, int actualSeconds, Long actualMoney, Instant now) {
    delegate.settle(jobId, actualSeconds, actualMoney, now);
  }

  @Override
  public void settle(String jobId, int actualSeconds, Instant now) {
    delegate.settle(jobId, actualSeconds, now);
  }

  @Override
  public void refund(String jobId, Instant now) {
    delegate.refund(jobId, now);
  }

  @Override
  public QuotaSnapshot remaining(QuotaKeys keys, QuotaLimits limits, Instant now) {
    return delegate.remaining(keys, limits, now);
  }

  @Override
  public QuotaSnapshot remaining(String userKey, String chatKey, Instant now) {
    return delegate.remaining(userKey, chatKey, now);
  }

  @Override
  public QuotaLimits defaults() {
    return delegate.defaults();
  }

  @Override
  public int purge(Instant now) {
    return delegate.purge(now);
  }
}
