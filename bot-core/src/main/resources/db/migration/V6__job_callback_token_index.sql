-- Provider callbacks look their job up by token (JobRepository.findByCallbackToken): without an
-- index every callback scanned the whole job table (~10 ms per callback at 10,000 jobs on H2).
CREATE INDEX job_callback_token_idx ON job (callback_token);
