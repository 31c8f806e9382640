package com.seedancebot.app.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Tells whether the bot's database is an embedded H2 database, which only this process can open (a
 * file or in-memory URL, not served over TCP and without {@code AUTO_SERVER}): then no other
 * instance can share it, and the pipeline skips what only coordinates instances.
 */
final class EmbeddedDatabase {

  private EmbeddedDatabase() {}

  /** Whether {@code dataSource} is an embedded H2 database; false when it cannot be told. */
  static boolean isEmbedded(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return isEmbeddedUrl(c.getMetaData().getURL());
    } catch (SQLException e) {
      return false;
    }
  }

  static boolean isEmbeddedUrl(String url) {
    if (url == null) {
      return false;
    }
    String u = url.toLowerCase(Locale.ROOT);
    return u.startsWith("jdbc:h2:")
        && !u.startsWith("jdbc:h2:tcp:")
        && !u.startsWith("jdbc:h2:ssl:")
        && !u.contains("auto_server=true");
  }
}
