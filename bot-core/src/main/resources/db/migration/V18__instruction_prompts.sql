-- The questions the bot asked for an edit or extension instruction (Edit / Extend buttons): the
-- user answers by replying to the question, and the reply is matched here to the video's job.
CREATE TABLE instruction_prompt (
  platform   VARCHAR(16)  NOT NULL,
  chat_id    VARCHAR(64)  NOT NULL,
  message_id VARCHAR(64)  NOT NULL,
  job_id     VARCHAR(16)  NOT NULL,
  extends_video BOOLEAN   NOT NULL,
  asked_at   BIGINT       NOT NULL,
  PRIMARY KEY (platform, chat_id, message_id)
);
