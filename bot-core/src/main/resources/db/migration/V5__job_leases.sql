-- Leases: when several instances share one database, the instance that holds a job's lease is
-- the only one that submits or delivers it (a lease expires, so a crashed instance's work moves on).
ALTER TABLE job ADD COLUMN lease_owner VARCHAR(64);
ALTER TABLE job ADD COLUMN lease_until BIGINT;
