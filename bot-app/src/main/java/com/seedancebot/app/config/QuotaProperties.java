package com.seedancebot.app.config;

import com.seedancebot.core.quota.QuotaPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code bot.quota} settings: jobs and seconds of video per rolling day, per user, per chat (a
 * Discord server counts as one chat) and for the whole bot; 0 means unlimited.
 */
@ConfigurationProperties("bot.quota")
public record QuotaProperties(
    int userJobsPerDay,
    int userSecondsPerDay,
    int chatJobsPerDay,
    int chatSecondsPerDay,
    int globalJobsPerDay,
    int globalSecondsPerDay) {

  public QuotaPolicy toPolicy() {
    return new QuotaPolicy(
        userJobsPerDay,
        userSecondsPerDay,
        chatJobsPerDay,
        chatSecondsPerDay,
        globalJobsPerDay,
        globalSecondsPerDay);
  }
}
