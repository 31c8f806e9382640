package com.seedancebot.app.web.playground;

import com.seedancebot.app.web.playground.PlaygroundMessage.Draft;
import com.seedancebot.app.web.playground.PlaygroundMessage.Kind;
import com.seedancebot.app.web.playground.PlaygroundMessage.Sender;
import com.seedancebot.app.web.playground.PlaygroundMessage.Video;
import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.retention.Retained;
import com.seedancebot.core.retention.Sweeper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The playground's conversations in the database (table {@code playground_message}, migration
 * {@code V3__playground.sql}). Every insert and edit is one transaction that takes the next global
 * version, so {@link #since} returns every change exactly once, in order. Messages last changed
 * before the retention are deleted by {@link #sweep}. Thread safe; several instances may share the
 * database.
 */
@ConditionalOnPlayground
@Component
public class JdbcPlaygroundTranscript implements Sweeper {

  /** At most this many messages per {@link #since} answer; the browser asks again for the rest. */
  static final int PAGE_LIMIT = 500;

  private static final String BUMP_VERSION =
      "UPDATE playground_version SET current_version = current_version + 1 WHERE id = 1";
  private static final String CURRENT_VERSION =
      "SELECT current_version FROM playground_version WHERE id = 1";
  private static final String INSERT =
      """
      INSERT INTO playground_message (id, session_id, sender, kind, body, attachments, job_id,
        reply_to, job_state, queue_position, buttons, video_job_id, video_url, last_frame_url,
        width, height, duration_seconds, version, created_at, updated_at)
      VALUES (:id, :session, :sender, :kind, :body, :attachments, :jobId, :replyTo, :jobState,
        :queuePosition, :buttons, :videoJobId, :videoUrl, :lastFrameUrl, :width, :height,
        :duration, :version, :now, :now)
      """;
  private static final String EDIT_STATUS =
      """
      UPDATE playground_message
      SET body = :body, job_state = :jobState, queue_position = :queuePosition,
        buttons = :buttons, version = :version, updated_at = :now
      WHERE id = :id AND session_id = :session AND kind = 'status'
      """;
  private static final String VIDEO_EXISTS =
      "SELECT COUNT(*) FROM playground_message WHERE video_job_id = :jobId";
  private static final String COLUMNS =
      """
      SELECT id, session_id, sender, kind, body, attachments, job_id, reply_to, job_state,
        queue_position, buttons, video_url, last_frame_url, width, height, duration_seconds,
        version, created_at, updated_at
      FROM playground_message
      """;
  private static final String SINCE =
      COLUMNS
          + """
          WHERE session_id = :session AND version > :since AND version <= :latest
          ORDER BY version
          FETCH FIRST %d ROWS ONLY
          """
              .formatted(PAGE_LIMIT);
  private static final String EXPIRED = "DELETE FROM playground_message WHERE updated_at < :cutoff";
  private static final String FIND = COLUMNS + " WHERE id = :id AND session_id = :session";
  static final int GALLERY_LIMIT = 200;
  private static final String GALLERY =
      COLUMNS
          + " WHERE session_id = :session AND kind = 'video' ORDER BY version DESC FETCH FIRST "
          + GALLERY_LIMIT
          + " ROWS ONLY";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  /** For Spring: uses the application's {@link Clock} bean when there is one, else UTC. */
  @Autowired
  public JdbcPlaygroundTranscript(
      JdbcClient jdbc, PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
    this(jdbc, transactions, clock.getIfAvailable(Clock::systemUTC));
  }

  public JdbcPlaygroundTranscript(
      JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** Stores a new message and returns its id. */
  public String append(Draft draft) {
    return tx.execute(status -> insert(draft, nextVersion(), false));
  }

  /**
   * The session's videos, newest first, each job once (a video shown again with {@code /show}
   * counts once), at most {@value #GALLERY_LIMIT}: the playground's gallery.
   */
  public List<PlaygroundMessage> videos(String sessionId) {
    List<PlaygroundMessage> all =
        jdbc.sql(GALLERY).param("session", sessionId).query(JdbcPlaygroundTranscript::map).list();
    java.util.Set<String> seen = new java.util.HashSet<>();
    return all.stream().filter(m -> m.jobId() == null || seen.add(m.jobId())).toList();
  }

  /**
   * Stores a job's video unless that job's video is already there. Returns the new message id, or
   * empty when the video had been posted before (nothing changes then).
   */
  public Optional<String> appendVideoOnce(Draft draft) {
    return tx.execute(
        status -> {
          long version = nextVersion(); // locks the counter: the check below cannot race
          long existing =
              jdbc.sql(VIDEO_EXISTS).param("jobId", draft.jobId()).query(Long.class).single();
          if (existing > 0) {
            status.setRollbackOnly();
            return Optional.empty();
          }
          return Optional.of(insert(draft, version, true));
        });
  }

  /**
   * Replaces a status message's text, state and buttons and gives it a new version. Returns false
   * (changing nothing) when the session has no such status message.
   */
  public boolean editStatus(
      String sessionId,
      String messageId,
      String text,
      String jobState,
      Integer queuePosition,
      List<ButtonAction> buttons) {
    return Boolean.TRUE.equals(
        tx.execute(
            status -> {
              int updated =
                  jdbc.sql(EDIT_STATUS)
                      .param("body", text)
                      .param("jobState", jobState)
                      .param("queuePosition", queuePosition)
                      .param("buttons", joinButtons(buttons))
                      .param("version", nextVersion())
                      .param("now", now())
                      .param("id", messageId)
                      .param("session", sessionId)
                      .update();
              if (updated == 0) {
                status.setRollbackOnly();
              }
              return updated > 0;
            }));
  }

  /** The session's messages inserted or edited after version {@code since}, oldest change first. */
  public Page since(String sessionId, long since) {
    return tx.execute(
        status -> {
          long latest = jdbc.sql(CURRENT_VERSION).query(Long.class).single();
          List<PlaygroundMessage> messages =
              jdbc.sql(SINCE)
                  .param("session", sessionId)
                  .param("since", since)
                  .param("latest", latest)
                  .query(JdbcPlaygroundTranscript::map)
                  .list();
          long version =
              messages.size() == PAGE_LIMIT
                  ? messages.get(messages.size() - 1).version()
                  : Math.max(latest, since);
          return new Page(version, messages);
        });
  }

  /** One message of a session. */
  public Optional<PlaygroundMessage> find(String sessionId, String messageId) {
    return jdbc.sql(FIND)
        .param("id", messageId)
        .param("session", sessionId)
        .query(JdbcPlaygroundTranscript::map)
        .optional();
  }

  @Override
  public String name() {
    return "playground transcripts";
  }

  /** Deletes the messages last changed before {@code cutoff} (the retention). */
  @Override
  public int sweep(Instant cutoff, Retained keep) {
    return jdbc.sql(EXPIRED)
        .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
        .update();
  }

  /**
   * A poll's answer: the changed messages and the version to ask from next time.
   *
   * @param version pass this as {@code since} on the next poll
   * @param messages changed messages, oldest change first
   */
  public record Page(long version, List<PlaygroundMessage> messages) {
    public Page {
      messages = List.copyOf(messages);
    }
  }

  private long nextVersion() {
    jdbc.sql(BUMP_VERSION).update();
    return jdbc.sql(CURRENT_VERSION).query(Long.class).single();
  }

  /** {@code once}: the job's one video post, kept unique by job. */
  private String insert(Draft draft, long version, boolean once) {
    String id = "m" + version;
    Video video = draft.video();
    jdbc.sql(INSERT)
        .param("id", id)
        .param("session", draft.sessionId())
        .param("sender", draft.sender().wire())
        .param("kind", draft.kind().wire())
        .param("body", draft.text())
        .param("attachments", draft.attachments().isEmpty() ? null : joinLines(draft.attachments()))
        .param("jobId", draft.jobId())
        .param("replyTo", draft.replyTo())
        .param("jobState", draft.jobState())
        .param("queuePosition", draft.queuePosition())
        .param("buttons", joinButtons(draft.buttons()))
        .param("videoJobId", draft.kind() == Kind.VIDEO && once ? draft.jobId() : null)
        .param("videoUrl", video == null ? null : video.url())
        .param("lastFrameUrl", video == null ? null : video.lastFrameUrl())
        .param("width", video == null ? null : video.width())
        .param("height", video == null ? null : video.height())
        .param("duration", video == null ? null : video.durationSeconds())
        .param("version", version)
        .param("now", now())
        .update();
    return id;
  }

  private OffsetDateTime now() {
    // milliseconds: what a browser's Date can represent
    return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
  }

  private static String joinButtons(List<ButtonAction> buttons) {
    return buttons.isEmpty()
        ? null
        : String.join(",", buttons.stream().map(ButtonAction::name).toList());
  }

  private static String joinLines(List<String> names) {
    return String.join("\n", names.stream().map(n -> n.replace('\n', ' ')).toList());
  }

  private static PlaygroundMessage map(ResultSet rs, int row) throws SQLException {
    Kind kind = Kind.fromWire(rs.getString("kind"));
    String buttons = rs.getString("buttons");
    String attachments = rs.getString("attachments");
    Video video =
        kind == Kind.VIDEO || kind == Kind.IMAGE
            ? new Video(
                rs.getString("video_url"),
                rs.getString("last_frame_url"),
                rs.getInt("width"),
                rs.getInt("height"),
                rs.getDouble("duration_seconds"))
            : null;
    return new PlaygroundMessage(
        rs.getString("id"),
        rs.getString("session_id"),
        Sender.fromWire(rs.getString("sender")),
        kind,
        rs.getString("body"),
        attachments == null ? List.of() : List.of(attachments.split("\n")),
        rs.getString("job_id"),
        rs.getString("reply_to"),
        rs.getString("job_state"),
        rs.getObject("queue_position", Integer.class),
        buttons == null
            ? List.of()
            : Arrays.stream(buttons.split(",")).map(ButtonAction::valueOf).toList(),
        video,
        rs.getLong("version"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }
}
