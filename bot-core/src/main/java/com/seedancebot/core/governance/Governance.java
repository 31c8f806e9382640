package com.seedancebot.core.governance;

import com.seedancebot.core.quota.QuotaTiers;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What the command layer needs to govern a team's use of the bot: the operator's rules and the
 * database that keeps blocks, pauses, quota overrides, the audit trail and the usernames seen.
 *
 * @param dataSource the bot's database (Flyway-migrated)
 * @param rules the operator's configured rules
 * @param tiers the configured quota tiers
 */
public record Governance(DataSource dataSource, GovernanceRules rules, QuotaTiers tiers) {
  public Governance {
    Objects.requireNonNull(dataSource, "dataSource");
    rules = rules == null ? GovernanceRules.none() : rules;
    tiers = tiers == null ? QuotaTiers.none() : tiers;
  }

  /** Governance without quota tiers. */
  public Governance(DataSource dataSource, GovernanceRules rules) {
    this(dataSource, rules, QuotaTiers.none());
  }
}
