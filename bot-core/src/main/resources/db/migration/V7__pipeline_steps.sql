-- Steps of a job that must not be repeated after a crash or a lost answer:
-- final_status_at: the final status message was shown (or replaced), so a retried delivery
--   never sends it again;
-- submit_started_at: a create request may have reached the provider; before creating again the
--   bot looks for that task at the provider (seed chosen and stored before the first attempt).
ALTER TABLE job ADD COLUMN final_status_at BIGINT;
ALTER TABLE job ADD COLUMN submit_started_at BIGINT;
CREATE INDEX job_lease_owner_idx ON job (lease_owner);
