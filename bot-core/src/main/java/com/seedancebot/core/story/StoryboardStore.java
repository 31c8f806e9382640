package com.seedancebot.core.story;

import com.seedancebot.core.job.JobResult;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The storyboards in table {@code storyboard}: each one's scene prompts and the job ids reserved
 * for its scenes, whether its owner cancelled it, and its joined video once made. Thread-safe;
 * every call is one statement.
 */
public final class StoryboardStore {

  /**
   * One storyboard.
   *
   * @param id its own id (people may type it like a job id; no job accepted since V20 has it)
   * @param sceneJobIds the job id of every scene, in order (reserved when it was accepted)
   * @param prompts every scene's text, in order
   * @param cancelled its owner cancelled it: no further scene starts
   * @param ended it ended (its last scene, or the one that stopped it, was delivered)
   * @param videoJobId the scene whose delivery joined the video, or null before
   * @param video the joined video, or null before it was made
   */
  public record Storyboard(
      String id,
      List<String> sceneJobIds,
      List<String> prompts,
      boolean cancelled,
      boolean ended,
      String videoJobId,
      JobResult video) {
    public Storyboard {
      sceneJobIds = List.copyOf(sceneJobIds);
      prompts = List.copyOf(prompts);
      // (storyboards accepted before V20 share their id with their first scene's job)
      if (sceneJobIds.size() != prompts.size()) {
        throw new IllegalArgumentException("one job id per scene");
      }
    }

    /** A storyboard just accepted. */
    public Storyboard(String id, List<String> sceneJobIds, List<String> prompts) {
      this(id, sceneJobIds, prompts, false, false, null, null);
    }
  }

  private static final String COLUMNS =
      "SELECT id, scene_job_ids, scenes_json, cancelled_at, ended_at, video_job_id, video_json"
          + " FROM storyboard";
  private static final String INSERT =
      "INSERT INTO storyboard (id, scene_job_ids, scenes_json, created_at) VALUES (?, ?, ?, ?)";
  private static final String FIND = COLUMNS + " WHERE id = ?";
  private static final String FIND_BY_SCENE = COLUMNS + " WHERE scene_job_ids LIKE ?";
  private static final String END =
      "UPDATE storyboard SET ended_at = ? WHERE id = ? AND ended_at IS NULL";
  private static final String CANCEL =
      "UPDATE storyboard SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL";
  private static final String SAVE_VIDEO =
      "UPDATE storyboard SET video_job_id = ?, video_json = ? WHERE id = ? AND video_json IS NULL";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  public StoryboardStore(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  public void insert(Storyboard story, Instant now) {
    jdbc.sql(INSERT)
        .params(
            story.id(),
            String.join(",", story.sceneJobIds()),
            JSON.writeValueAsString(story.prompts()),
            now.toEpochMilli())
        .update();
  }

  public Optional<Storyboard> find(String id) {
    return jdbc.sql(FIND).param(id).query(StoryboardStore::row).optional();
  }

  /** The storyboard one of whose scenes has the job id {@code sceneJobId}. */
  public Optional<Storyboard> findByScene(String sceneJobId) {
    return jdbc
        .sql(FIND_BY_SCENE)
        .param("%" + sceneJobId + "%")
        .query(StoryboardStore::row)
        .stream()
        .filter(s -> s.sceneJobIds().contains(sceneJobId))
        .findFirst();
  }

  /** Records that the storyboard ended; false when it had already. */
  public boolean markEnded(String id, Instant now) {
    return jdbc.sql(END).params(now.toEpochMilli(), id).update() == 1;
  }

  /** Records that its owner cancelled the storyboard; false when it had been already. */
  public boolean markCancelled(String id, Instant now) {
    return jdbc.sql(CANCEL).params(now.toEpochMilli(), id).update() == 1;
  }

  /** Records the joined video (made by the delivery of {@code jobId}); the first one stands. */
  public boolean saveVideo(String id, String jobId, JobResult video) {
    return jdbc.sql(SAVE_VIDEO).params(jobId, JSON.writeValueAsString(video), id).update() == 1;
  }

  private static Storyboard row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    String video = rs.getString(7);
    return new Storyboard(
        rs.getString(1),
        Arrays.asList(rs.getString(2).split(",")),
        JSON.readValue(rs.getString(3), new TypeReference<List<String>>() {}),
        rs.getObject(4) != null,
        rs.getObject(5) != null,
        rs.getString(6),
        video == null ? null : JSON.readValue(video, JobResult.class));
  }
}
