-- The deliver stage's query (undelivered jobs that have finished, oldest first) reads only the
-- finished ones: without this index it scanned every running job (delivered_at is NULL for all).
CREATE INDEX job_deliver_due_idx ON job (delivered_at, finished_at);

-- One row per provider, locked while an instance counts the provider's tasks and claims a slot
-- for a create, so instances sharing the database never exceed the provider's limit together.
CREATE TABLE provider_lock (
  provider_name VARCHAR(64) NOT NULL PRIMARY KEY,
  version       BIGINT      NOT NULL
);
