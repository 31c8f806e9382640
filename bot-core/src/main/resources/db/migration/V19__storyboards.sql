-- Storyboards (/story): one row per storyboard, its scenes' prompts and the job ids reserved for
-- them up front (quota is reserved under those ids when the storyboard is accepted); a scene's job
-- row is inserted when the scene before it has finished, and names its storyboard and place.
CREATE TABLE storyboard (
  id            VARCHAR(16)    NOT NULL PRIMARY KEY,
  scene_job_ids VARCHAR(200)   NOT NULL,
  scenes_json   VARCHAR(20000) NOT NULL,
  created_at    BIGINT         NOT NULL,
  ended_at      BIGINT
);

ALTER TABLE job ADD COLUMN story_id VARCHAR(16);
ALTER TABLE job ADD COLUMN scene_index INT;
ALTER TABLE job ADD COLUMN scene_count INT;
