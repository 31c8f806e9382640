package com.seedancebot.core.story;

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
 * for its scenes, and whether it has ended. Thread-safe; every call is one statement.
 */
public final class StoryboardStore {

  /**
   * One storyboard.
   *
   * @param id the id of its first scene's job
   * @param sceneJobIds the job id of every scene, in order (reserved when it was accepted)
   * @param prompts every scene's text, in order
   */
  public record Storyboard(String id, List<String> sceneJobIds, List<String> prompts) {
    public Storyboard {
      sceneJobIds = List.copyOf(sceneJobIds);
      prompts = List.copyOf(prompts);
      if (sceneJobIds.size() != prompts.size() || !sceneJobIds.get(0).equals(id)) {
        throw new IllegalArgumentException("one job id per scene, the first being the story's");
      }
    }
  }

  private static final String INSERT =
      "INSERT INTO storyboard (id, scene_job_ids, scenes_json, created_at) VALUES (?, ?, ?, ?)";
  private static final String FIND =
      "SELECT id, scene_job_ids, scenes_json FROM storyboard WHERE id = ?";
  private static final String END =
      "UPDATE storyboard SET ended_at = ? WHERE id = ? AND ended_at IS NULL";

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
    return jdbc.sql(FIND)
        .param(id)
        .query(
            (rs, n) ->
                new Storyboard(
                    rs.getString(1),
                    Arrays.asList(rs.getString(2).split(",")),
                    JSON.readValue(rs.getString(3), new TypeReference<List<String>>() {})))
        .optional();
  }

  /** Records that the storyboard ended; false when it had already. */
  public boolean markEnded(String id, Instant now) {
    return jdbc.sql(END).params(now.toEpochMilli(), id).update() == 1;
  }
}
