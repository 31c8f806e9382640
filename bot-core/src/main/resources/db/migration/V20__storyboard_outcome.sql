-- What became of a storyboard: when its owner cancelled it (the scene running then stops, and no
-- later scene starts), and its joined video once made (the scene that ended it, and the stored
-- result as JSON), so that the joined video can be shown again and acted on like any job's.
ALTER TABLE storyboard ADD COLUMN cancelled_at BIGINT;
ALTER TABLE storyboard ADD COLUMN video_job_id VARCHAR(16);
ALTER TABLE storyboard ADD COLUMN video_json VARCHAR(2000);
