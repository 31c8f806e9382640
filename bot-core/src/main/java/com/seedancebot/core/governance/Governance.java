package com.seedancebot.core.governance;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * What the command layer needs to govern a team's use of the bot: the operator's rules and the
 * database that keeps blocks, pauses, the audit trail and the usernames seen.
 *
 * @param dataSource the bot's database (Flyway-migrated)
 * @param rules the operator's configured rules
 */
public record Governance(DataSource dataSource, GovernanceRules rules) {
  public Governance {
    Objects.requireNonNull(dataSource, "dataSource");
    rules = rules == null ? GovernanceRules.none() : rules;
  }
}
