-- Quota tiers, money and server budgets (see com.seedancebot.core.quota). Portable SQL: H2 and
-- PostgreSQL.

-- A reservation now also counts against the server (a Discord guild; a Telegram group is its own)
-- and in money, in millionths of the configured currency: reserved_money is the estimate,
-- used_money becomes the provider's actual usage on settle. denied_period is DAY or MONTH.
ALTER TABLE quota_reservation ADD COLUMN server_key VARCHAR(200);
UPDATE quota_reservation SET server_key = chat_key;
ALTER TABLE quota_reservation ADD COLUMN reserved_money BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE quota_reservation ADD COLUMN used_money BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE quota_reservation ADD COLUMN denied_period VARCHAR(8);
ALTER TABLE quota_reservation ALTER COLUMN denied_limit SET DATA TYPE BIGINT;
ALTER TABLE quota_reservation ALTER COLUMN denied_used SET DATA TYPE BIGINT;
CREATE INDEX quota_reservation_server_at ON quota_reservation (server_key, reserved_at);

-- What admins set with /admin quota in a scope (a chat, or a whole Discord server) for a user or
-- for the scope itself (subject_key 'chat'): a named tier, or explicit daily limits (null =
-- unlimited; money in millionths).
CREATE TABLE quota_override (
  scope_key       VARCHAR(200) NOT NULL,
  subject_key     VARCHAR(200) NOT NULL,
  tier            VARCHAR(100),
  jobs_per_day    BIGINT,
  seconds_per_day BIGINT,
  money_per_day   BIGINT,
  set_by          VARCHAR(200) NOT NULL,
  set_at          BIGINT       NOT NULL,
  PRIMARY KEY (scope_key, subject_key)
);
