package com.seedancebot.core.bot;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.retention.Retained;
import com.seedancebot.core.retention.Sweeper;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The questions the bot asked for an edit or extension instruction, kept in {@code
 * instruction_prompt} so that a reply to one finds its video's job on any instance and after a
 * restart. A question older than the retention is swept ({@link Sweeper}): its video is gone by
 * then, and the answer would find nothing to change. Thread-safe.
 */
public final class InstructionPrompts implements Sweeper {

  /** A question asked: the job whose video the answer changes, and whether it extends it. */
  public record Prompt(String jobId, boolean extend) {}

  private static final String INSERT =
      "INSERT INTO instruction_prompt (platform, chat_id, message_id, job_id, extends_video, asked_at)"
          + " VALUES (?, ?, ?, ?, ?, ?)";
  private static final String FIND =
      "SELECT job_id, extends_video FROM instruction_prompt"
          + " WHERE platform = ? AND chat_id = ? AND message_id = ?";

  private static final String EXPIRED = "DELETE FROM instruction_prompt WHERE asked_at < ?";

  private final JdbcClient jdbc;

  public InstructionPrompts(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** Records the question {@code messageId} asked in {@code chat}; a repeat is ignored. */
  public void remember(ChatRef chat, String messageId, Prompt prompt, Instant at) {
    try {
      jdbc.sql(INSERT)
          .params(
              chat.platform().name(),
              chat.chatId(),
              messageId,
              prompt.jobId(),
              prompt.extend(),
              at.toEpochMilli())
          .update();
    } catch (DuplicateKeyException e) {
      // the same question recorded twice (a retried button press): the first one stands
    }
  }

  /** The question {@code messageId} in {@code chat} asked, if it is one. */
  public Optional<Prompt> find(ChatRef chat, String messageId) {
    return jdbc.sql(FIND)
        .params(chat.platform().name(), chat.chatId(), messageId)
        .query((rs, n) -> new Prompt(rs.getString(1), rs.getBoolean(2)))
        .optional();
  }

  @Override
  public String name() {
    return "instruction prompts";
  }

  @Override
  public int sweep(Instant cutoff, Retained keep) {
    return jdbc.sql(EXPIRED).param(cutoff.toEpochMilli()).update();
  }
}
