-- Per-chat defaults from /settings (a Discord server shares one row).
CREATE TABLE chat_settings (
  chat_key     VARCHAR(200)  NOT NULL PRIMARY KEY,
  options_json VARCHAR(4000) NOT NULL,
  updated_at   BIGINT        NOT NULL
);
