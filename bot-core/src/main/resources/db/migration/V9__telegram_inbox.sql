-- Telegram's inbound side shared by every instance (see telegram-adapter's JdbcUpdateInbox,
-- JdbcPollerLease and JdbcWebhookRecord). Times are epoch milliseconds. bot_id is the numeric part
-- of the bot token, so a database that served another bot never mistakes its update ids for ours.

-- Every update as Telegram sent it, stored before Telegram is answered (webhook) or the offset is
-- confirmed (long polling): a second delivery of an update_id is recognised and dropped. An update
-- is processed by whichever instance claims it (lease_owner/lease_until, renewed while it runs);
-- done_at marks it processed. Album parts (album_key = chat id and media_group_id) are claimed
-- together once no part arrived for the album's quiet period. Rows are deleted after a retention.
CREATE TABLE telegram_update (
  bot_id      BIGINT           NOT NULL,
  update_id   BIGINT           NOT NULL,
  body        VARCHAR(1000000) NOT NULL,
  album_key   VARCHAR(100),
  received_at BIGINT           NOT NULL,
  attempts    INT              NOT NULL,
  lease_owner VARCHAR(64),
  lease_until BIGINT,
  done_at     BIGINT,
  CONSTRAINT telegram_update_pk PRIMARY KEY (bot_id, update_id)
);

CREATE INDEX telegram_update_open_idx ON telegram_update (bot_id, done_at, album_key);
CREATE INDEX telegram_update_received_idx ON telegram_update (received_at);

-- The one instance that long-polls getUpdates: it renews its lease while it polls; the others take
-- over once the lease has run out.
CREATE TABLE telegram_poller (
  bot_id      BIGINT      NOT NULL PRIMARY KEY,
  owner       VARCHAR(64) NOT NULL,
  lease_until BIGINT      NOT NULL
);

-- The webhook this bot last registered (a keyed hash of its URL, secret and update types): an
-- instance starting with the same settings, while getWebhookInfo shows that URL, leaves it alone.
CREATE TABLE telegram_webhook (
  bot_id      BIGINT      NOT NULL PRIMARY KEY,
  fingerprint VARCHAR(64) NOT NULL,
  set_at      BIGINT      NOT NULL
);

-- A chat message makes at most one job: a message handled again (an update taken over after a
-- crash) finds the job it made (JobRepository.findByRequest).
CREATE INDEX job_request_idx ON job (chat_platform, chat_id, request_message_id);
