-- /history and /show: the finished jobs of one chat, newest first.
CREATE INDEX job_chat_history_idx ON job (chat_platform, chat_id, state, created_at);
