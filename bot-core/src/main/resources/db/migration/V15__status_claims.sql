-- What a job's status message shows, shared by the instances: the rank of the state shown
-- (queued < submitted < running < final) and a hash of its text. An instance claims a text with a
-- guarded update before it edits the message, so no instance repeats the text another showed and
-- none puts an older state over a newer one. While an instance sends a job's first status message,
-- status_message_id holds a placeholder ('~' and the claim time) so that no other sends a second.
ALTER TABLE job ADD COLUMN status_rank INT;
ALTER TABLE job ADD COLUMN status_hash VARCHAR(32);
