package com.seedancebot.telegram.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The durable inbox of one bot's Telegram updates ({@code telegram_update}), shared by every
 * instance on the database. {@link #add} keeps an update once per {@code update_id}; an update is
 * processed by the owner that {@link #claim claims} it (a guarded UPDATE: open, and no unexpired
 * lease of another owner), renewed while it runs and {@link #markDone marked done} after, so an
 * owner dying mid-way leaves it to another once the lease has run out. Album parts are claimed
 * together, once the album is quiet. An update claimed {@value #MAX_ATTEMPTS} times without being
 * done is not offered again. Each method is one statement (one transaction); thread-safe.
 */
public final class JdbcUpdateInbox {
  /** Claims of one update before it is given up (an update that keeps killing its processor). */
  public static final int MAX_ATTEMPTS = 5;

  private static final String FREE = "(lease_until IS NULL OR lease_until < :now)";
  private static final String OPEN = "bot_id = :bot AND done_at IS NULL AND attempts < :max";

  private static final String DONE = "done_at = ?, lease_owner = NULL, lease_until = NULL";

  private final JdbcClient jdbc;
  private final long botId;

  public JdbcUpdateInbox(DataSource dataSource, long botId) {
    this.jdbc = JdbcClient.create(dataSource);
    this.botId = botId;
  }

  /**
   * Stores an update unless one with its id is stored already.
   *
   * @param albumKey the album it belongs to (chat and media group), or null
   * @return true when it was new
   */
  public boolean add(long updateId, String body, String albumKey, Instant receivedAt) {
    try {
      jdbc.sql(
              "INSERT INTO telegram_update (bot_id, update_id, body, album_key, received_at,"
                  + " attempts) VALUES (?, ?, ?, ?, ?, 0)")
          .params(botId, updateId, body, albumKey, receivedAt.toEpochMilli())
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /**
   * Claims an open update that is not an album part for {@code owner} until {@code until}.
   *
   * @return its body when claimed; empty when it is done, or another owner holds it
   */
  public Optional<String> claim(long updateId, String owner, Instant now, Instant until) {
    if (lease("update_id = :key AND album_key IS NULL", updateId, owner, now, until) == 0) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT body FROM telegram_update WHERE bot_id = ? AND update_id = ?")
        .params(botId, updateId)
        .query(String.class)
        .optional();
  }

  /** Open updates (not album parts) that nobody holds, oldest first. */
  public List<Long> unclaimed(Instant now, int limit) {
    return jdbc.sql(
            "SELECT update_id FROM telegram_update WHERE "
                + OPEN
                + " AND album_key IS NULL AND "
                + FREE
                + " ORDER BY update_id LIMIT :limit")
        .param("bot", botId)
        .param("max", MAX_ATTEMPTS)
        .param("now", now.toEpochMilli())
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  /**
   * Albums whose open parts nobody holds and whose last part arrived at {@code quietSince} or
   * before, oldest first.
   */
  public List<String> settledAlbums(Instant quietSince, Instant now, int limit) {
    return jdbc.sql(
            "SELECT album_key FROM telegram_update WHERE "
                + OPEN
                + " AND album_key IS NOT NULL GROUP BY album_key HAVING MAX(received_at) <="
                + " :quiet AND MAX(COALESCE(lease_until, 0)) < :now ORDER BY MIN(received_at)"
                + " LIMIT :limit")
        .param("bot", botId)
        .param("max", MAX_ATTEMPTS)
        .param("quiet", quietSince.toEpochMilli())
        .param("now", now.toEpochMilli())
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  /**
   * Claims every open part of an album that nobody holds, for {@code owner} until {@code until}.
   *
   * @return the bodies of the parts claimed, in update order; empty when another owner holds them
   */
  public List<String> claimAlbum(String albumKey, String owner, Instant now, Instant until) {
    if (lease("album_key = :key", albumKey, owner, now, until) == 0) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT body FROM telegram_update WHERE bot_id = ? AND album_key = ? AND done_at IS"
                + " NULL AND lease_owner = ? AND lease_until = ? ORDER BY update_id")
        .params(botId, albumKey, owner, until.toEpochMilli())
        .query(String.class)
        .list();
  }

  /** Extends the owner's leases on updates and albums still being processed. */
  public void renew(
      String owner, Collection<Long> updateIds, Collection<String> albumKeys, Instant until) {
    updateIds.forEach(id -> ofOwner("lease_until = ?", "update_id", id, owner, until));
    albumKeys.forEach(album -> ofOwner("lease_until = ?", "album_key", album, owner, until));
  }

  /** Marks an update the owner processed as done; false when the owner no longer held it. */
  public boolean markDone(long updateId, String owner, Instant now) {
    return ofOwner(DONE, "update_id", updateId, owner, now) == 1;
  }

  /** Marks the album parts the owner holds as done. */
  public void markAlbumDone(String albumKey, String owner, Instant now) {
    ofOwner(DONE, "album_key", albumKey, owner, now);
  }

  /**
   * Frees every open update the owner holds: an instance restarted under its old name takes its
   * unfinished updates up again at once instead of waiting for its own leases to run out.
   */
  public int releaseAll(String owner) {
    return jdbc.sql(
            "UPDATE telegram_update SET lease_owner = NULL, lease_until = NULL WHERE bot_id = ?"
                + " AND lease_owner = ? AND done_at IS NULL")
        .params(botId, owner)
        .update();
  }

  /** Deletes updates received before {@code cutoff} (of any bot); returns how many. */
  public int prune(Instant cutoff) {
    return jdbc.sql("DELETE FROM telegram_update WHERE received_at < ?")
        .param(cutoff.toEpochMilli())
        .update();
  }

  /** Leases the open, unheld rows matching {@code which} (on {@code :key}); how many it took. */
  private int lease(String which, Object key, String owner, Instant now, Instant until) {
    return jdbc.sql(
            "UPDATE telegram_update SET lease_owner = :owner, lease_until = :until,"
                + " attempts = attempts + 1 WHERE "
                + OPEN
                + " AND "
                + which
                + " AND "
                + FREE)
        .param("owner", owner)
        .param("until", until.toEpochMilli())
        .param("bot", botId)
        .param("max", MAX_ATTEMPTS)
        .param("key", key)
        .param("now", now.toEpochMilli())
        .update();
  }

  /** Sets {@code set} (one {@code ?}, given {@code at}) on the owner's open rows of a key. */
  private int ofOwner(String set, String column, Object key, String owner, Instant at) {
    return jdbc.sql(
            "UPDATE telegram_update SET "
                + set
                + " WHERE bot_id = ? AND "
                + column
                + " = ? AND lease_owner = ? AND done_at IS NULL")
        .params(at.toEpochMilli(), botId, key, owner)
        .update();
  }
}
