-- The deliver stage's query (undelivered jobs that have finished, oldest first) reads only the
-- finished ones: without this index it scanned every running job (delivered_at is NULL for all).
CREATE INDEX job_deliver_due_idx ON job (delivered_at, finished_at);
