package com.seedancebot.core.job;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.request.GenerationRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link JobRepository} on plain JDBC (H2 or PostgreSQL, schema by Flyway {@code V1__jobs.sql}).
 * Each statement runs in its own auto-committed transaction; guarded updates make every transition
 * idempotent.
 */
public final class JdbcJobRepository implements JobRepository {

  /**
   * Every column but {@code request_json}: a job's request is written for the last time when its
   * submit starts ({@link #markSubmitStarted}), so a job at its provider need not read it again.
   */
  private static final String COLUMNS_BUT_REQUEST =
      "id, owner_platform, owner_user_id, owner_name, owner_locale, owner_admin, chat_platform,"
          + " chat_id, thread_id, server_id, request_message_id, model_id, state,"
          + " provider_name, provider_task_id, status_message_id, estimated_tokens, created_at,"
          + " submitted_at, finished_at, next_poll_at, attempts, error_code, video_asset_id,"
          + " last_frame_asset_id, result_size, result_width, result_height, result_duration,"
          + " result_seed, usage_tokens, delivered_at, callback_token, final_status_at,"
          + " submit_started_at, story_id, scene_index, scene_count";

  private static final String COLUMNS = COLUMNS_BUT_REQUEST + ", request_json";
  private static final String SELECT = "SELECT " + COLUMNS + " FROM job ";
  private static final String INSERT =
      "INSERT INTO job (id, owner_platform, owner_user_id, owner_name, owner_locale, owner_admin,"
          + " chat_platform, chat_id, thread_id, server_id, request_message_id, model_id,"
          + " request_json, state, estimated_tokens, created_at, next_poll_at, attempts,"
          + " status_message_id, story_id, scene_index, scene_count)"
          + " VALUES (:id, :op, :ou, :on, :ol, :oa, :cp, :ci, :ti, :si, :rm, :model, :req, :state,"
          + " :est, :created, :next, 0, :sm, :story, :scene, :scenes)";

  /** Marks a status_message_id that is a claim on sending the message, not a message id. */
  private static final String SENDING_STATUS = "~";

  private static final String NOT_FINAL = "('QUEUED','SUBMITTED','RUNNING')";
  private static final String AT_PROVIDER = "('SUBMITTED','RUNNING')";

  private static final String UPDATE_AT_PROVIDER =
      "UPDATE job SET state = ?, attempts = ?, next_poll_at = ? WHERE id = ? AND state IN "
          + AT_PROVIDER;

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;
  private final TransactionTemplate transactions;
  private final JsonMapper json;

  public JdbcJobRepository(DataSource dataSource, JsonMapper json) {
    this.jdbc = JdbcClient.create(dataSource);
    this.batches = new JdbcTemplate(dataSource);
    this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    this.json = json;
  }

  @Override
  public boolean insert(Job job) {
    try {
      jdbc.sql(INSERT)
          .param("id", job.id())
          .param("op", job.owner().platform().name())
          .param("ou", job.owner().userId())
          .param("on", job.owner().displayName())
          .param("ol", job.owner().locale().toLanguageTag())
          .param("oa", job.owner().admin())
          .param("cp", job.chat().platform().name())
          .param("ci", job.chat().chatId())
          .param("ti", job.chat().threadId())
          .param("si", job.chat().serverId())
          .param("rm", job.requestMessageId())
          .param("model", job.request().modelId())
          .param("req", json.writeValueAsString(job.request()))
          .param("state", job.state().name())
          .param("est", job.estimatedTokens())
          .param("created", job.createdAt().toEpochMilli())
          .param("next", job.nextPollAt().toEpochMilli())
          .param("sm", job.statusMessageId())
          .param("story", job.scene() == null ? null : job.scene().storyId())
          .param("scene", job.scene() == null ? null : job.scene().index())
          .param("scenes", job.scene() == null ? null : job.scene().count())
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  @Override
  public Optional<Job> find(String id) {
    return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(this::map).optional();
  }

  @Override
  public List<Job> findQueued() {
    return jdbc.sql(SELECT + "WHERE state = 'QUEUED' ORDER BY created_at, id")
        .query(this::map)
        .list();
  }

  @Override
  public List<Job> findDueAtProvider(Instant now, int limit) {
    // one range of job_state_poll_idx per state: with "state IN (...)" H2 read every job at a
    // provider (and its whole row) to find the few due ones
    List<Job> due = new ArrayList<>();
    for (JobState state : List.of(JobState.SUBMITTED, JobState.RUNNING)) {
      due.addAll(
          jdbc.sql(SELECT + "WHERE state = ? AND next_poll_at <= ? ORDER BY next_poll_at LIMIT ?")
              .params(state.name(), now.toEpochMilli(), limit)
              .query(this::map)
              .list());
    }
    due.sort(Comparator.comparing(Job::nextPollAt));
    return due.size() > limit ? List.copyOf(due.subList(0, limit)) : due;
  }

  @Override
  public List<Job> findAtProvider(List<Job> known) {
    if (known.isEmpty()) {
      return List.of();
    }
    Map<String, GenerationRequest> requests = new HashMap<>();
    known.forEach(j -> requests.put(j.id(), j.request()));
    return jdbc.sql(
            "SELECT "
                + COLUMNS_BUT_REQUEST
                + " FROM job WHERE id IN ("
                + placeholders(known.size())
                + ") AND state IN "
                + AT_PROVIDER)
        .params(known.stream().map(Job::id).toList())
        .query((rs, row) -> map(rs, requests.get(rs.getString("id"))))
        .list();
  }

  @Override
  public int bringPollsForward(Instant at, Instant after) {
    return jdbc.sql(
            "UPDATE job SET next_poll_at = ? WHERE next_poll_at > ? AND state IN " + AT_PROVIDER)
        .params(at.toEpochMilli(), after.toEpochMilli())
        .update();
  }

  @Override
  public int countAtProvider(String providerName, Instant now) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM job WHERE provider_name = ? AND (state IN "
                + AT_PROVIDER
                + " OR (state = 'QUEUED' AND (submit_started_at IS NOT NULL OR lease_until >= ?)))")
        .params(providerName, now.toEpochMilli())
        .query(Integer.class)
        .single();
  }

  @Override
  public boolean claimSubmit(
      String id, String providerName, int limit, String owner, Instant now, Instant until) {
    ensureProviderLock(providerName);
    Boolean claimed =
        transactions.execute(
            tx -> {
              jdbc.sql("UPDATE provider_lock SET version = version + 1 WHERE provider_name = ?")
                  .param(providerName)
                  .update();
              if (countAtProvider(providerName, now) >= limit) {
                return false;
              }
              return jdbc.sql(
                          "UPDATE job SET lease_owner = ?, lease_until = ?, next_poll_at = ?,"
                              + " provider_name = ? WHERE id = ? AND state = 'QUEUED'"
                              + " AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)")
                      .params(
                          owner,
                          until.toEpochMilli(),
                          until.toEpochMilli(),
                          providerName,
                          id,
                          owner,
                          now.toEpochMilli())
                      .update()
                  == 1;
            });
    return Boolean.TRUE.equals(claimed);
  }

  private void ensureProviderLock(String providerName) {
    boolean exists =
        jdbc.sql("SELECT COUNT(*) FROM provider_lock WHERE provider_name = ?")
                .param(providerName)
                .query(Integer.class)
                .single()
            > 0;
    if (!exists) {
      try {
        jdbc.sql("INSERT INTO provider_lock (provider_name, version) VALUES (?, 0)")
            .param(providerName)
            .update();
      } catch (DuplicateKeyException createdConcurrently) {
        // another instance created it first: fine
      }
    }
  }

  /** One JDBC batch in one transaction: a compare-and-set on each job's next poll. */
  @Override
  public Set<String> claimPolls(List<Job> due, Instant now, Instant until) {
    if (due.isEmpty()) {
      return Set.of();
    }
    int[][] counts =
        transactions.execute(
            tx ->
                batches.batchUpdate(
                    "UPDATE job SET next_poll_at = ? WHERE id = ?"
                        + " AND (next_poll_at <= ? OR next_poll_at = ?) AND state IN "
                        + AT_PROVIDER,
                    due,
                    due.size(),
                    (ps, j) -> {
                      ps.setLong(1, until.toEpochMilli());
                      ps.setString(2, j.id());
                      ps.setLong(3, now.toEpochMilli());
                      ps.setLong(4, j.nextPollAt().toEpochMilli());
                    }));
    Set<String> taken = new HashSet<>();
    int i = 0;
    for (int[] batch : counts) {
      for (int count : batch) {
        if (count != 0) { // SUCCESS_NO_INFO (-2) counts as taken: the statement did not fail
          taken.add(due.get(i).id());
        }
        i++;
      }
    }
    return taken;
  }

  @Override
  public List<Job> findUndelivered(
      Instant now, Job after, int limit, java.util.Collection<String> busyChats) {
    StringBuilder sql =
        new StringBuilder(SELECT)
            .append("WHERE delivered_at IS NULL AND finished_at > 0 AND state NOT IN ")
            .append(NOT_FINAL)
            .append(" AND next_poll_at <= ?");
    List<Object> params = new ArrayList<>(List.of(now.toEpochMilli()));
    if (after != null) {
      long finished = after.finishedAt().toEpochMilli();
      sql.append(" AND (finished_at > ? OR (finished_at = ? AND id > ?))");
      params.addAll(List.of(finished, finished, after.id()));
    }
    if (!busyChats.isEmpty()) {
      sql.append(" AND (chat_platform || ':' || chat_id) NOT IN (")
          .append(placeholders(busyChats.size()))
          .append(')');
      params.addAll(busyChats);
    }
    sql.append(" ORDER BY finished_at, id LIMIT ?");
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params).query(this::map).list();
  }

  @Override
  public List<Job> findActive() {
    return jdbc.sql(SELECT + "WHERE state IN " + NOT_FINAL + " ORDER BY created_at, id")
        .query(this::map)
        .list();
  }

  @Override
  public List<Job> findRecentByOwner(UserRef owner, int limit) {
    return jdbc.sql(
            SELECT
                + "WHERE owner_platform = ? AND owner_user_id = ? ORDER BY created_at DESC, id"
                + " LIMIT ?")
        .params(owner.platform().name(), owner.userId(), limit)
        .query(this::map)
        .list();
  }

  @Override
  public List<Job> findSucceededInChat(ChatRef chat, UserRef owner, int limit) {
    String where = "WHERE chat_platform = ? AND chat_id = ? AND state = 'SUCCEEDED'";
    List<Object> params = new ArrayList<>(List.of(chat.platform().name(), chat.chatId()));
    if (owner != null) {
      where += " AND owner_platform = ? AND owner_user_id = ?";
      params.add(owner.platform().name());
      params.add(owner.userId());
    }
    params.add(limit);
    return jdbc.sql(SELECT + where + " ORDER BY created_at DESC, id LIMIT ?")
        .params(params)
        .query(this::map)
        .list();
  }

  @Override
  public Optional<Job> findByRequest(ChatRef chat, String requestMessageId) {
    return jdbc.sql(
            SELECT
                + "WHERE chat_platform = ? AND chat_id = ? AND request_message_id = ?"
                + " ORDER BY created_at DESC, id LIMIT 1")
        .params(chat.platform().name(), chat.chatId(), requestMessageId)
        .query(this::map)
        .optional();
  }

  @Override
  public Map<JobState, Long> countByState() {
    Map<JobState, Long> counts = new EnumMap<>(JobState.class);
    for (JobState s : JobState.values()) {
      counts.put(s, 0L);
    }
    jdbc.sql("SELECT state, COUNT(*) AS n FROM job GROUP BY state")
        .query((rs, i) -> counts.put(JobState.valueOf(rs.getString("state")), rs.getLong("n")))
        .list();
    return counts;
  }

  @Override
  public Map<JobState, Map<String, Long>> countByStateAndModel() {
    Map<JobState, Map<String, Long>> counts = new EnumMap<>(JobState.class);
    jdbc.sql("SELECT state, model_id, COUNT(*) AS n FROM job GROUP BY state, model_id")
        .query(
            (rs, i) ->
                counts
                    .computeIfAbsent(JobState.valueOf(rs.getString("state")), s -> new TreeMap<>())
                    .put(rs.getString("model_id"), rs.getLong("n")))
        .list();
    return counts;
  }

  @Override
  public boolean markSubmitted(
      String id,
      String providerName,
      String taskId,
      String callbackToken,
      Instant now,
      Instant nextPoll) {
    return jdbc.sql(
                "UPDATE job SET state = 'SUBMITTED', provider_name = ?, provider_task_id = ?,"
                    + " callback_token = COALESCE(?, callback_token), submitted_at = ?, next_poll_at = ?, attempts = 0,"
                    + " submit_started_at = NULL"
                    + " WHERE id = ? AND state = 'QUEUED'")
            .params(
                providerName,
                taskId,
                callbackToken,
                now.toEpochMilli(),
                nextPoll.toEpochMilli(),
                id)
            .update()
        == 1;
  }

  @Override
  public boolean deferQueued(String id, int attempts, Instant nextTry) {
    return jdbc.sql(
                "UPDATE job SET attempts = ?, next_poll_at = ? WHERE id = ? AND state = 'QUEUED'")
            .params(attempts, nextTry.toEpochMilli(), id)
            .update()
        == 1;
  }

  @Override
  public boolean updateAtProvider(String id, JobState state, int attempts, Instant nextPoll) {
    if (!state.atProvider()) {
      throw new IllegalArgumentException("not a provider state: " + state);
    }
    return jdbc.sql(UPDATE_AT_PROVIDER)
            .params(state.name(), attempts, nextPoll.toEpochMilli(), id)
            .update()
        == 1;
  }

  @Override
  public boolean pollBy(String id, Instant at) {
    return jdbc.sql(
                "UPDATE job SET next_poll_at = ? WHERE id = ? AND next_poll_at > ? AND state IN "
                    + AT_PROVIDER)
            .params(at.toEpochMilli(), id, at.toEpochMilli())
            .update()
        == 1;
  }

  /** One JDBC batch in one transaction: a tracker pass costs one commit, not one per job. */
  @Override
  public void updateAtProvider(List<AtProvider> updates) {
    if (updates.isEmpty()) {
      return;
    }
    transactions.executeWithoutResult(
        tx ->
            batches.batchUpdate(
                UPDATE_AT_PROVIDER,
                updates,
                updates.size(),
                (ps, u) -> {
                  ps.setString(1, u.state().name());
                  ps.setInt(2, u.attempts());
                  ps.setLong(3, u.nextPoll().toEpochMilli());
                  ps.setString(4, u.id());
                }));
  }

  @Override
  public boolean markSucceeded(String id, JobResult r, Instant now) {
    return jdbc.sql(
                "UPDATE job SET state = 'SUCCEEDED', finished_at = ?, next_poll_at = ?, attempts = 0,"
                    + " lease_owner = NULL, lease_until = NULL, video_asset_id = ?, last_frame_asset_id = ?, result_size = ?,"
                    + " result_width = ?, result_height = ?, result_duration = ?, result_seed = ?,"
                    + " usage_tokens = ? WHERE id = ? AND state IN "
                    + NOT_FINAL)
            .params(
                now.toEpochMilli(),
                now.toEpochMilli(),
                r.videoAssetId(),
                r.lastFrameAssetId(),
                r.sizeBytes(),
                r.width(),
                r.height(),
                r.durationSeconds(),
                r.seed(),
                r.usageTokens(),
                id)
            .update()
        == 1;
  }

  @Override
  public boolean markFinished(String id, JobState state, String errorCode, Instant now) {
    if (!state.isFinal() || state == JobState.SUCCEEDED) {
      throw new IllegalArgumentException("use markSucceeded for " + state);
    }
    return jdbc.sql(
                "UPDATE job SET state = ?, error_code = ?, finished_at = ?, next_poll_at = ?,"
                    + " attempts = 0 WHERE id = ? AND state IN "
                    + NOT_FINAL)
            .params(state.name(), errorCode, now.toEpochMilli(), now.toEpochMilli(), id)
            .update()
        == 1;
  }

  @Override
  public void setStatusMessageId(String id, String statusMessageId) {
    if (statusMessageId == null) {
      jdbc.sql("UPDATE job SET status_message_id = NULL WHERE id = ? AND status_message_id LIKE ?")
          .params(id, SENDING_STATUS + "%")
          .update();
      return;
    }
    jdbc.sql("UPDATE job SET status_message_id = ? WHERE id = ?")
        .params(statusMessageId, id)
        .update();
  }

  @Override
  public boolean claimStatus(
      String id, int rank, String hash, Instant now, Instant createUnlessHeldBefore) {
    StringBuilder sql = new StringBuilder("UPDATE job SET status_rank = ?, status_hash = ?");
    List<Object> params = new ArrayList<>(List.of(rank, hash));
    if (createUnlessHeldBefore != null) {
      sql.append(", status_message_id = ?");
      params.add(sendingSince(now));
    }
    sql.append(" WHERE id = ? AND (status_rank IS NULL OR status_rank < ? OR (status_rank = ?")
        .append(" AND (status_hash IS NULL OR status_hash <> ?)))");
    params.addAll(List.of(id, rank, rank, hash));
    if (createUnlessHeldBefore != null) {
      sql.append(" AND (status_message_id IS NULL OR (status_message_id LIKE ?")
          .append(" AND status_message_id < ?))");
      params.addAll(List.of(SENDING_STATUS + "%", sendingSince(createUnlessHeldBefore)));
    }
    return jdbc.sql(sql.toString()).params(params).update() == 1;
  }

  @Override
  public void releaseStatus(String id, String hash) {
    jdbc.sql("UPDATE job SET status_hash = NULL WHERE id = ? AND status_hash = ?")
        .params(id, hash)
        .update();
  }

  @Override
  public Optional<String> statusMessageId(String id) {
    return jdbc
        .sql("SELECT status_message_id FROM job WHERE id = ?")
        .param(id)
        .query((rs, row) -> Optional.ofNullable(shownStatusId(rs.getString(1))))
        .list()
        .stream()
        .findFirst()
        .flatMap(shown -> shown);
  }

  /** A claim on sending a status message: the marker and the claim time, ordered as text. */
  private static String sendingSince(Instant at) {
    return SENDING_STATUS + String.format("%015d", at.toEpochMilli());
  }

  /** The stored status message id, or null for none or a claim on sending one. */
  private static String shownStatusId(String stored) {
    return stored == null || stored.startsWith(SENDING_STATUS) ? null : stored;
  }

  @Override
  public boolean markDelivered(String id, Instant now) {
    return jdbc.sql(
                "UPDATE job SET delivered_at = ?, final_status_at = COALESCE(final_status_at, ?),"
                    + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND delivered_at IS NULL")
            .params(now.toEpochMilli(), now.toEpochMilli(), id)
            .update()
        == 1;
  }

  @Override
  public void deferDelivery(String id, int attempts, Instant nextTry, Instant finalStatusShownAt) {
    Long shownAt = finalStatusShownAt == null ? null : finalStatusShownAt.toEpochMilli();
    jdbc.sql(
            "UPDATE job SET attempts = ?, next_poll_at = ?,"
                + " final_status_at = COALESCE(final_status_at, ?)"
                + " WHERE id = ? AND delivered_at IS NULL")
        .params(attempts, nextTry.toEpochMilli(), new SqlParameterValue(Types.BIGINT, shownAt), id)
        .update();
  }

  @Override
  public boolean tryLease(String id, String owner, Instant now, Instant until) {
    return jdbc.sql(
                "UPDATE job SET lease_owner = ?, lease_until = ? WHERE id = ?"
                    + " AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)")
            .params(owner, until.toEpochMilli(), id, owner, now.toEpochMilli())
            .update()
        == 1;
  }

  @Override
  public boolean claim(String id, JobStep step, String owner, Instant now, Instant until) {
    String guard =
        switch (step) {
          case SUBMIT -> "state = 'QUEUED'";
          case COLLECT -> "state IN " + AT_PROVIDER;
          case DELIVER -> "delivered_at IS NULL AND state NOT IN " + NOT_FINAL;
        };
    return jdbc.sql(
                "UPDATE job SET lease_owner = ?, lease_until = ?, next_poll_at = ? WHERE id = ? AND "
                    + guard
                    + " AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)")
            .params(
                owner, until.toEpochMilli(), until.toEpochMilli(), id, owner, now.toEpochMilli())
            .update()
        == 1;
  }

  @Override
  public void renewLeases(String owner, java.util.Collection<String> ids, Instant until) {
    for (String id : ids) {
      jdbc.sql("UPDATE job SET lease_until = ? WHERE id = ? AND lease_owner = ?")
          .params(until.toEpochMilli(), id, owner)
          .update();
    }
  }

  @Override
  public boolean markSubmitStarted(
      String id,
      String providerName,
      GenerationRequest request,
      String callbackToken,
      Instant now) {
    return jdbc.sql(
                "UPDATE job SET submit_started_at = ?, provider_name = ?, request_json = ?,"
                    + " callback_token = ? WHERE id = ? AND state = 'QUEUED'")
            .params(
                now.toEpochMilli(),
                providerName,
                json.writeValueAsString(request),
                callbackToken,
                id)
            .update()
        == 1;
  }

  @Override
  public void clearSubmitStarted(String id) {
    jdbc.sql("UPDATE job SET submit_started_at = NULL WHERE id = ? AND state = 'QUEUED'")
        .param(id)
        .update();
  }

  @Override
  public void releaseLease(String id, String owner) {
    jdbc.sql(
            "UPDATE job SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?")
        .params(id, owner)
        .update();
  }

  @Override
  public Optional<Job> findByCallbackToken(String token) {
    return jdbc.sql(SELECT + "WHERE callback_token = ?").param(token).query(this::map).optional();
  }

  /** {@code count} JDBC parameter marks for an {@code IN (...)} list. */
  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  private Job map(ResultSet rs, int row) throws SQLException {
    return map(rs, json.readValue(rs.getString("request_json"), GenerationRequest.class));
  }

  private Job map(ResultSet rs, GenerationRequest request) throws SQLException {
    UserRef owner =
        new UserRef(
            Platform.valueOf(rs.getString("owner_platform")),
            rs.getString("owner_user_id"),
            rs.getString("owner_name"),
            Locale.forLanguageTag(rs.getString("owner_locale")),
            rs.getBoolean("owner_admin"));
    ChatRef chat =
        new ChatRef(
            Platform.valueOf(rs.getString("chat_platform")),
            rs.getString("chat_id"),
            rs.getString("thread_id"),
            rs.getString("server_id"));
    String videoAsset = rs.getString("video_asset_id");
    JobResult result =
        videoAsset == null
            ? null
            : new JobResult(
                videoAsset,
                rs.getString("last_frame_asset_id"),
                rs.getLong("result_size"),
                rs.getInt("result_width"),
                rs.getInt("result_height"),
                rs.getDouble("result_duration"),
                (Long) rs.getObject("result_seed", Long.class),
                (Long) rs.getObject("usage_tokens", Long.class));
    return new Job(
        rs.getString("id"),
        owner,
        chat,
        rs.getString("request_message_id"),
        request,
        JobState.valueOf(rs.getString("state")),
        rs.getString("provider_name"),
        rs.getString("provider_task_id"),
        shownStatusId(rs.getString("status_message_id")),
        rs.getLong("estimated_tokens"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        instant(rs, "submitted_at"),
        instant(rs, "finished_at"),
        Instant.ofEpochMilli(rs.getLong("next_poll_at")),
        rs.getInt("attempts"),
        rs.getString("error_code"),
        result,
        instant(rs, "delivered_at"),
        instant(rs, "final_status_at"),
        instant(rs, "submit_started_at"),
        scene(rs));
  }

  private static Scene scene(ResultSet rs) throws SQLException {
    String story = rs.getString("story_id");
    return story == null
        ? null
        : new Scene(story, rs.getInt("scene_index"), rs.getInt("scene_count"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }
}
