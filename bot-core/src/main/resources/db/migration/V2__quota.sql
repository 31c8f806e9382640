-- Quotas (see com.seedancebot.core.quota.JdbcQuotaLedger). Portable SQL: H2 2.4 and PostgreSQL.

-- One row per quota scope (user, chat or the whole bot). A reservation updates the rows of the
-- scopes it counts against, in key order, inside its transaction: that row lock serialises
-- reservations of the same scope across threads and bot instances.
CREATE TABLE quota_scope (
    scope_key VARCHAR(255) NOT NULL,
    version   BIGINT       NOT NULL,
    CONSTRAINT quota_scope_pk PRIMARY KEY (scope_key)
);

-- One row per job that asked for quota: its decision and, while RESERVED or SETTLED, its use.
-- state is RESERVED, SETTLED, REFUNDED or DENIED. No CHECK (state IN ...) constraint: H2 2.4.240
-- then fails every insert from a session other than the one that ran this script (H2 issue 4302).
-- used_seconds starts as the reserved seconds and becomes the video's real length on settle.
CREATE TABLE quota_reservation (
    job_id           VARCHAR(100) NOT NULL,
    user_key         VARCHAR(200) NOT NULL,
    chat_key         VARCHAR(200) NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    reserved_seconds INTEGER      NOT NULL,
    used_seconds     INTEGER      NOT NULL,
    reserved_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at        TIMESTAMP WITH TIME ZONE,
    denied_scope     VARCHAR(16),
    denied_unit      VARCHAR(16),
    denied_limit     INTEGER,
    denied_used      INTEGER,
    resets_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT quota_reservation_pk PRIMARY KEY (job_id)
);

CREATE INDEX quota_reservation_user_at ON quota_reservation (user_key, reserved_at);
CREATE INDEX quota_reservation_chat_at ON quota_reservation (chat_key, reserved_at);
CREATE INDEX quota_reservation_at ON quota_reservation (reserved_at);
