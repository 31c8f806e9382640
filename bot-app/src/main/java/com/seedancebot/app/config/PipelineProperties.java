package com.seedancebot.app.config;

import com.seedancebot.core.pipeline.PipelineSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code bot.pipeline} settings (environment {@code BOT_PIPELINE_*}): workers per stage, per
 * chat platform and per provider, each stage's timeout, and the lease time (how long a crashed
 * instance's work waits before another instance takes it over). Unset values take the defaults of
 * {@link PipelineSettings#defaults()} and a 60 s lease.
 */
@ConfigurationProperties("bot.pipeline")
public record PipelineProperties(
    Integer submitWorkers,
    Integer pollWorkers,
    Integer collectWorkers,
    Integer deliverWorkers,
    Integer statusWorkers,
    Integer perPlatform,
    Integer perProvider,
    Duration providerCallTimeout,
    Duration collectTimeout,
    Duration deliverTimeout,
    Duration statusTimeout,
    Duration leaseTime,
    Integer perChat) {

  public PipelineProperties {
    leaseTime = leaseTime == null ? Duration.ofSeconds(60) : leaseTime;
    if (leaseTime.compareTo(Duration.ofSeconds(3)) < 0) {
      throw new InvalidSettingException(
          "BOT_PIPELINE_LEASE_TIME",
          "is " + Durations.text(leaseTime) + ": it must be at least 3s, e.g. 60s");
    }
  }

  /** The core's settings, with {@code tickInterval} from {@code bot.tick-interval}. */
  public PipelineSettings toSettings(Duration tickInterval) {
    PipelineSettings d = PipelineSettings.defaults();
    return new PipelineSettings(
        tickInterval,
        or(submitWorkers, d.submitWorkers()),
        or(pollWorkers, d.pollWorkers()),
        or(collectWorkers, d.collectWorkers()),
        or(deliverWorkers, d.deliverWorkers()),
        or(statusWorkers, d.statusWorkers()),
        or(perPlatform, d.perPlatform()),
        or(perProvider, d.perProvider()),
        or(providerCallTimeout, d.providerCallTimeout()),
        or(collectTimeout, d.collectTimeout()),
        or(deliverTimeout, d.deliverTimeout()),
        or(statusTimeout, d.statusTimeout()),
        or(perChat, d.perChat()));
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
