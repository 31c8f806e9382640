package com.seedancebot.core.quota;

/**
 * What an admin set with {@code /admin quota} for a user, a chat or a server: a named tier, or
 * daily limits that replace those the subject would otherwise have ({@code null}: unchanged; 0:
 * unlimited; money in millionths).
 */
public record QuotaOverride(String tier, Long jobsPerDay, Long secondsPerDay, Long moneyPerDay) {

  public static QuotaOverride tier(String name) {
    return new QuotaOverride(name, null, null, null);
  }

  /**
   * The budget under this override: the tier's when it names one that exists (else {@code base}),
   * or {@code base} with the daily limits replaced.
   */
  public QuotaBudget applyTo(QuotaBudget base, QuotaTiers tiers) {
    if (tier != null) {
      return tiers.named(tier).map(QuotaTier::budget).orElse(base);
    }
    return new QuotaBudget(
        jobsPerDay != null ? jobsPerDay : base.jobsPerDay(),
        secondsPerDay != null ? secondsPerDay : base.secondsPerDay(),
        moneyPerDay != null ? moneyPerDay : base.moneyPerDay(),
        base.jobsPerMonth(),
        base.secondsPerMonth(),
        base.moneyPerMonth());
  }
}
