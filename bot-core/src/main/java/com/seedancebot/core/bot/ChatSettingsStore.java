package com.seedancebot.core.bot;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.VideoOptions;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-chat defaults set with {@code /settings} (model, ratio, resolution, duration, audio), keyed
 * like chat quotas (a Discord server shares one set). Stored as JSON in {@code chat_settings}.
 */
public final class ChatSettingsStore {

  private static final String FIND = "SELECT options_json FROM chat_settings WHERE chat_key = ?";
  private static final String UPDATE =
      "UPDATE chat_settings SET options_json = ?, updated_at = ? WHERE chat_key = ?";
  private static final String INSERT =
      "INSERT INTO chat_settings (chat_key, options_json, updated_at) VALUES (?, ?, ?)";

  private final JdbcClient jdbc;
  private final JsonMapper json;

  public ChatSettingsStore(DataSource dataSource, JsonMapper json) {
    this.jdbc = JdbcClient.create(dataSource);
    this.json = json;
  }

  public Optional<VideoOptions> find(ChatRef chat) {
    return jdbc.sql(FIND)
        .param(chat.quotaKey())
        .query(String.class)
        .optional()
        .map(s -> json.readValue(s, VideoOptions.class));
  }

  /** Stores the chat's defaults; fields left null keep their previous value. */
  public VideoOptions merge(ChatRef chat, VideoOptions changes, long nowMillis) {
    VideoOptions old = find(chat).orElse(VideoOptions.none());
    VideoOptions merged =
        new VideoOptions(
            changes.duration() != null ? changes.duration() : old.duration(),
            changes.ratio() != null ? changes.ratio() : old.ratio(),
            changes.resolution() != null ? changes.resolution() : old.resolution(),
            changes.model() != null ? changes.model() : old.model(),
            changes.audio() != null ? changes.audio() : old.audio(),
            null,
            false,
            false,
            java.util.List.of(),
            false,
            false);
    String body = json.writeValueAsString(merged);
    if (jdbc.sql(UPDATE).params(body, nowMillis, chat.quotaKey()).update() == 0) {
      jdbc.sql(INSERT).params(chat.quotaKey(), body, nowMillis).update();
    }
    return merged;
  }
}
