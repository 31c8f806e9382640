package com.seedancebot.core.asset;

import com.seedancebot.core.retention.Retained;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads from the job table which files jobs still need: a job not yet delivered (or not finished),
 * or finished at or after the cutoff, keeps the assets its request names (attachments, an earlier
 * job's last frame), its result and last frame, and its provider task. Stored asset ids are found
 * in the request JSON by their {@linkplain AssetIds shape}, so the request's layout does not
 * matter. Thread-safe.
 */
public final class JdbcRetainedFiles {

  private static final String STILL_NEEDED =
      "SELECT request_json, video_asset_id, last_frame_asset_id, provider_task_id FROM job"
          + " WHERE delivered_at IS NULL OR finished_at IS NULL OR finished_at >= ?";

  private final JdbcClient jdbc;

  public JdbcRetainedFiles(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** What the jobs still needing their files as of {@code cutoff} reference. */
  public Retained neededAt(Instant cutoff) {
    Set<String> assets = new HashSet<>();
    Set<String> tasks = new HashSet<>();
    jdbc.sql(STILL_NEEDED)
        .param(cutoff.toEpochMilli())
        .query(
            rs -> {
              assets.addAll(AssetIds.findIn(rs.getString("request_json")));
              addIfSet(assets, rs.getString("video_asset_id"));
              addIfSet(assets, rs.getString("last_frame_asset_id"));
              addIfSet(tasks, rs.getString("provider_task_id"));
            });
    return new Retained(assets, tasks);
  }

  private static void addIfSet(Set<String> into, String value) {
    if (value != null) {
      into.add(value);
    }
  }
}
