package com.seedancebot.core.pipeline;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of the pipeline runs at once and for how long (settings {@code bot.pipeline.*}). Each
 * stage has its own workers; delivering and status editing are further bounded per chat platform,
 * submitting and collecting per provider, delivering also per chat (submitting also by the
 * provider's task-slot limit). A unit of work running past its stage's timeout is interrupted and
 * retried with backoff.
 *
 * @param tickInterval how often each stage looks for due work
 * @param submitWorkers creates sent to providers at once
 * @param pollWorkers providers polled at once (one batch per provider)
 * @param collectWorkers results downloaded into storage at once
 * @param deliverWorkers videos and outcomes posted at once
 * @param statusWorkers status messages sent or edited at once
 * @param perPlatform deliveries (and, separately, status edits) at once on one chat platform
 * @param perProvider result downloads at once from one provider
 * @param providerCallTimeout longest create or poll
 * @param collectTimeout longest result download
 * @param deliverTimeout longest delivery (a large upload)
 * @param statusTimeout longest status edit
 * @param perChat deliveries at once into one chat (uploads hanging in one chat never take every
 *     delivery worker)
 */
public record PipelineSettings(
    Duration tickInterval,
    int submitWorkers,
    int pollWorkers,
    int collectWorkers,
    int deliverWorkers,
    int statusWorkers,
    int perPlatform,
    int perProvider,
    Duration providerCallTimeout,
    Duration collectTimeout,
    Duration deliverTimeout,
    Duration statusTimeout,
    int perChat) {

  public PipelineSettings {
    Objects.requireNonNull(tickInterval, "tickInterval");
    Objects.requireNonNull(providerCallTimeout, "providerCallTimeout");
    Objects.requireNonNull(collectTimeout, "collectTimeout");
    Objects.requireNonNull(deliverTimeout, "deliverTimeout");
    Objects.requireNonNull(statusTimeout, "statusTimeout");
    for (int n :
        new int[] {
          submitWorkers,
          pollWorkers,
          collectWorkers,
          deliverWorkers,
          statusWorkers,
          perPlatform,
          perProvider,
          perChat
        }) {
      if (n < 1) {
        throw new IllegalArgumentException("bot.pipeline worker counts must be at least 1");
      }
    }
  }

  /** These settings with another tick interval. */
  public PipelineSettings withTickInterval(Duration tick) {
    return new PipelineSettings(
        tick,
        submitWorkers,
        pollWorkers,
        collectWorkers,
        deliverWorkers,
        statusWorkers,
        perPlatform,
        perProvider,
        providerCallTimeout,
        collectTimeout,
        deliverTimeout,
        statusTimeout,
        perChat);
  }

  /** Defaults for one instance of a team bot. */
  public static PipelineSettings defaults() {
    return new PipelineSettings(
        Duration.ofMillis(250),
        8,
        4,
        16,
        16,
        8,
        16,
        16,
        Duration.ofMinutes(2),
        Duration.ofMinutes(10),
        Duration.ofMinutes(15),
        Duration.ofSeconds(30),
        2);
  }
}
