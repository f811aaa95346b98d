-- A re-stretch is a job over the master (or single frame) of an earlier job, with stretch settings chosen on
-- the page. kept_at: the user kept it, so its preview stands for the earlier job's (one kept per source).
CREATE TABLE job_restretches (
    job_id        INTEGER PRIMARY KEY REFERENCES processing_jobs (id) ON DELETE CASCADE,
    source_job_id INTEGER NOT NULL REFERENCES processing_jobs (id) ON DELETE CASCADE,
    settings_json TEXT    NOT NULL,
    kept_at       TEXT
);
CREATE INDEX idx_restretches_source ON job_restretches (source_job_id);
