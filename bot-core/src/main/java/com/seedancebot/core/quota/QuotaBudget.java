package com.seedancebot.core.quota;

/**
 * One scope's allowances: jobs, seconds of video and money (in millionths of the currency), per
 * rolling day and per rolling 30 days. A limit of 0 or less means unlimited and is normalised to 0.
 * Immutable.
 */
public record QuotaBudget(
    long jobsPerDay,
    long secondsPerDay,
    long moneyPerDay,
    long jobsPerMonth,
    long secondsPerMonth,
    long moneyPerMonth) {

  public QuotaBudget {
    jobsPerDay = Math.max(0, jobsPerDay);
    secondsPerDay = Math.max(0, secondsPerDay);
    moneyPerDay = Math.max(0, moneyPerDay);
    jobsPerMonth = Math.max(0, jobsPerMonth);
    secondsPerMonth = Math.max(0, secondsPerMonth);
    moneyPerMonth = Math.max(0, moneyPerMonth);
  }

  /** No limit at all. */
  public static QuotaBudget unlimited() {
    return new QuotaBudget(0, 0, 0, 0, 0, 0);
  }

  /** Daily jobs and seconds only. */
  public static QuotaBudget daily(long jobs, long seconds) {
    return new QuotaBudget(jobs, seconds, 0, 0, 0, 0);
  }

  /** The limit of one unit over one period: positive, or 0 when unlimited. */
  public long limit(QuotaUnit unit, QuotaPeriod period) {
    boolean day = period == QuotaPeriod.DAY;
    return switch (unit) {
      case JOBS -> day ? jobsPerDay : jobsPerMonth;
      case SECONDS -> day ? secondsPerDay : secondsPerMonth;
      case MONEY -> day ? moneyPerDay : moneyPerMonth;
    };
  }

  /** Whether any limit is set over {@code period}. */
  public boolean limits(QuotaPeriod period) {
    for (QuotaUnit unit : QuotaUnit.values()) {
      if (limit(unit, period) > 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether any limit is set at all. */
  public boolean limited() {
    return limits(QuotaPeriod.DAY) || limits(QuotaPeriod.MONTH);
  }

  /** Limit by limit, the more generous of this budget and {@code other} (unlimited beats any). */
  public QuotaBudget mostGenerous(QuotaBudget other) {
    return new QuotaBudget(
        wider(jobsPerDay, other.jobsPerDay),
        wider(secondsPerDay, other.secondsPerDay),
        wider(moneyPerDay, other.moneyPerDay),
        wider(jobsPerMonth, other.jobsPerMonth),
        wider(secondsPerMonth, other.secondsPerMonth),
        wider(moneyPerMonth, other.moneyPerMonth));
  }

  private static long wider(long a, long b) {
    return a == 0 || b == 0 ? 0 : Math.max(a, b);
  }
}
