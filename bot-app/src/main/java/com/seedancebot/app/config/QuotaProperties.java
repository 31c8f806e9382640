package com.seedancebot.app.config;

import com.seedancebot.core.quota.QuotaBudget;
import com.seedancebot.core.quota.QuotaLimits;
import com.seedancebot.core.quota.QuotaTier;
import com.seedancebot.core.quota.QuotaTiers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code bot.quota} settings. Jobs and seconds of video per rolling day, per user, per chat (a
 * Telegram chat, a Discord channel) and for the whole bot ({@code user-jobs-per-day} …); the
 * budgets {@code user}, {@code chat}, {@code server} (a Discord guild; a Telegram group is its own)
 * and {@code global} add money (in the currency of {@code seedance.prices}) and 30-day limits, and
 * their values win over the flat ones; {@code tiers} are named user budgets given to user ids,
 * Discord roles, chat admins or everyone. 0 or unset means unlimited.
 */
@ConfigurationProperties("bot.quota")
public record QuotaProperties(
    int userJobsPerDay,
    int userSecondsPerDay,
    int chatJobsPerDay,
    int chatSecondsPerDay,
    int globalJobsPerDay,
    int globalSecondsPerDay,
    Budget user,
    Budget chat,
    Budget server,
    Budget global,
    Map<String, Tier> tiers) {

  /**
   * One scope's limits; null = not set here.
   *
   * @param moneyPerDay in the prices' currency, e.g. {@code 20.50}
   */
  public record Budget(
      Long jobsPerDay,
      Long secondsPerDay,
      BigDecimal moneyPerDay,
      Long jobsPerMonth,
      Long secondsPerMonth,
      BigDecimal moneyPerMonth) {

    QuotaBudget toBudget(long flatJobsPerDay, long flatSecondsPerDay) {
      return new QuotaBudget(
          jobsPerDay != null ? jobsPerDay : flatJobsPerDay,
          secondsPerDay != null ? secondsPerDay : flatSecondsPerDay,
          millionths(moneyPerDay),
          orZero(jobsPerMonth),
          orZero(secondsPerMonth),
          millionths(moneyPerMonth));
    }
  }

  /**
   * A named tier: its user budget and whom it is for.
   *
   * @param users user keys {@code telegram:123}, {@code discord:456}
   * @param roles Discord role ids
   * @param admins for the admins of a group chat or server
   * @param members for everyone
   * @param bypassModeration its users' prompts skip the banned-words check
   */
  public record Tier(
      Long jobsPerDay,
      Long secondsPerDay,
      BigDecimal moneyPerDay,
      Long jobsPerMonth,
      Long secondsPerMonth,
      BigDecimal moneyPerMonth,
      List<String> users,
      List<String> roles,
      boolean admins,
      boolean members,
      boolean bypassModeration) {

    QuotaTier toTier(String name) {
      QuotaBudget budget =
          new Budget(
                  jobsPerDay,
                  secondsPerDay,
                  moneyPerDay,
                  jobsPerMonth,
                  secondsPerMonth,
                  moneyPerMonth)
              .toBudget(0, 0);
      return new QuotaTier(
          name,
          budget,
          bypassModeration,
          users == null ? Set.of() : Set.copyOf(users),
          roles == null ? Set.of() : Set.copyOf(roles),
          admins,
          members);
    }
  }

  /** The configured budgets of every scope. */
  public QuotaLimits toLimits() {
    return new QuotaLimits(
        budget(user, userJobsPerDay, userSecondsPerDay),
        budget(chat, chatJobsPerDay, chatSecondsPerDay),
        budget(server, 0, 0),
        budget(global, globalJobsPerDay, globalSecondsPerDay));
  }

  /** The configured tiers, in name order. */
  public QuotaTiers toTiers() {
    if (tiers == null) {
      return QuotaTiers.none();
    }
    return new QuotaTiers(
        tiers.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getValue().toTier(e.getKey()))
            .toList());
  }

  private static QuotaBudget budget(Budget budget, long jobsPerDay, long secondsPerDay) {
    return budget == null
        ? QuotaBudget.daily(jobsPerDay, secondsPerDay)
        : budget.toBudget(jobsPerDay, secondsPerDay);
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  private static long millionths(BigDecimal amount) {
    return amount == null
        ? 0
        : amount.movePointRight(6).setScale(0, RoundingMode.CEILING).longValueExact();
  }
}
