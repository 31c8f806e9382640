package com.seedancebot.core.governance;

import com.seedancebot.core.chat.Platform;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code @usernames} the bot has seen, per platform, so that admins may name a user by one
 * ({@code /admin block @bob}). Usernames are matched case-insensitively; the newest sighting wins.
 * Stored in {@code governance_usernames}. Thread-safe.
 */
public final class KnownUsers {

  private static final String FIND =
      "SELECT user_id FROM governance_usernames WHERE platform = ? AND username = ?";
  private static final String UPDATE =
      "UPDATE governance_usernames SET user_id = ?, seen_at = ? WHERE platform = ? AND username = ?";
  private static final String INSERT =
      "INSERT INTO governance_usernames (platform, username, user_id, seen_at) VALUES (?, ?, ?, ?)";

  private final JdbcClient jdbc;

  public KnownUsers(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** Records that {@code username} (with or without {@code @}) belongs to {@code userId}. */
  public void seen(Platform platform, String username, String userId, long nowMillis) {
    String name = normalise(username);
    if (name.isEmpty()) {
      return;
    }
    if (jdbc.sql(UPDATE).params(userId, nowMillis, platform.name(), name).update() == 0) {
      try {
        jdbc.sql(INSERT).params(platform.name(), name, userId, nowMillis).update();
      } catch (DuplicateKeyException e) {
        // another message from the same user recorded it first
      }
    }
  }

  /** The user id last seen with {@code username} on {@code platform}. */
  public Optional<String> find(Platform platform, String username) {
    return jdbc.sql(FIND)
        .params(platform.name(), normalise(username))
        .query(String.class)
        .optional();
  }

  private static String normalise(String username) {
    return username.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
  }
}
