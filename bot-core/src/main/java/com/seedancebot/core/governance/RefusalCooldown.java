package com.seedancebot.core.governance;

import com.seedancebot.core.chat.UserRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether a user waits after too many content refusals: counts their jobs that ended {@code
 * content_refused} in the last 24 hours (in the {@code job} table, so every instance agrees) and,
 * once there are {@link RefusalLimits#perDay()}, keeps them waiting {@link
 * RefusalLimits#cooldown()} after the latest. Read-only; thread-safe.
 */
final class RefusalCooldown {

  private static final String REFUSALS =
      "SELECT COUNT(*) AS refusals, MAX(finished_at) AS latest FROM job WHERE owner_platform = ?"
          + " AND owner_user_id = ? AND error_code = 'content_refused' AND finished_at > ?";

  private final JdbcClient jdbc;
  private final RefusalLimits limits;

  RefusalCooldown(DataSource dataSource, RefusalLimits limits) {
    this.jdbc = JdbcClient.create(dataSource);
    this.limits = limits;
  }

  /** The refusals counted and when the user may start videos again, if that is after now. */
  record Wait(long refusals, Instant until) {}

  Optional<Wait> of(UserRef user, Instant now) {
    if (!limits.enabled()) {
      return Optional.empty();
    }
    long since = now.minus(Duration.ofHours(24)).toEpochMilli();
    return jdbc.sql(REFUSALS)
        .params(user.platform().name(), user.userId(), since)
        .query(
            (rs, row) -> {
              long refusals = rs.getLong("refusals");
              long latest = rs.getLong("latest");
              Instant until = Instant.ofEpochMilli(latest).plus(limits.cooldown());
              return refusals >= limits.perDay() && until.isAfter(now)
                  ? Optional.of(new Wait(refusals, until))
                  : Optional.<Wait>empty();
            })
        .single();
  }
}
