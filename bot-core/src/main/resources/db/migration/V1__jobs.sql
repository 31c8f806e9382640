-- Jobs: one row per /video request, every state change is one UPDATE in one transaction.
-- Times are epoch milliseconds (portable between H2 and PostgreSQL).
CREATE TABLE job (
  id                  VARCHAR(16)    NOT NULL PRIMARY KEY,
  owner_platform      VARCHAR(16)    NOT NULL,
  owner_user_id       VARCHAR(64)    NOT NULL,
  owner_name          VARCHAR(200),
  owner_locale        VARCHAR(35),
  owner_admin         BOOLEAN        NOT NULL,
  chat_platform       VARCHAR(16)    NOT NULL,
  chat_id             VARCHAR(64)    NOT NULL,
  thread_id           VARCHAR(64),
  server_id           VARCHAR(64),
  request_message_id  VARCHAR(64),
  model_id            VARCHAR(100)   NOT NULL,
  request_json        VARCHAR(200000) NOT NULL,
  state               VARCHAR(16)    NOT NULL,
  provider_name       VARCHAR(64),
  provider_task_id    VARCHAR(128),
  status_message_id   VARCHAR(64),
  estimated_tokens    BIGINT         NOT NULL,
  created_at          BIGINT         NOT NULL,
  submitted_at        BIGINT,
  finished_at         BIGINT,
  next_poll_at        BIGINT         NOT NULL,
  attempts            INT            NOT NULL,
  error_code          VARCHAR(200),
  video_asset_id      VARCHAR(80),
  last_frame_asset_id VARCHAR(80),
  result_size         BIGINT,
  result_width        INT,
  result_height       INT,
  result_duration     DOUBLE PRECISION,
  result_seed         BIGINT,
  usage_tokens        BIGINT,
  delivered_at        BIGINT,
  callback_token      VARCHAR(64)
);

CREATE INDEX job_state_poll_idx ON job (state, next_poll_at);
CREATE INDEX job_owner_idx ON job (owner_platform, owner_user_id, created_at);
CREATE INDEX job_undelivered_idx ON job (delivered_at, state);
CREATE UNIQUE INDEX job_provider_task_idx ON job (provider_name, provider_task_id);
