-- The local playground's conversations, written by PlaygroundChatPort (bot-app).
-- Portable SQL (H2 2.x and PostgreSQL).
--
-- Every insert or edit of a message takes the next value of playground_version inside its own
-- transaction. The counter row stays locked until that transaction commits, so versions become
-- visible in order and a browser polling "everything with version > V" never skips a change.

CREATE TABLE playground_version (
  id INT NOT NULL PRIMARY KEY,
  current_version BIGINT NOT NULL
);

INSERT INTO playground_version (id, current_version) VALUES (1, 0);

CREATE TABLE playground_message (
  id VARCHAR(40) NOT NULL PRIMARY KEY,
  session_id VARCHAR(64) NOT NULL,
  sender VARCHAR(8) NOT NULL, -- user | bot
  kind VARCHAR(8) NOT NULL, -- text | status | video
  body VARCHAR(16000) NOT NULL,
  attachments VARCHAR(4000),
  job_id VARCHAR(64),
  reply_to VARCHAR(40),
  job_state VARCHAR(16),
  queue_position INT,
  buttons VARCHAR(64),
  -- set only on kind = 'video': a job's video is posted at most once
  video_job_id VARCHAR(64),
  video_url VARCHAR(2048),
  last_frame_url VARCHAR(2048),
  width INT,
  height INT,
  duration_seconds DOUBLE PRECISION,
  version BIGINT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT playground_message_video_once UNIQUE (video_job_id)
);

CREATE INDEX playground_message_session_version ON playground_message (session_id, version);
