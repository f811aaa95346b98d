-- A night: the raw subs of one target (OBJECT, else the folder name), filter ('' when none) and exposure taken
-- between one local noon and the next. open while subs arrive; stacking while its job runs; done | failed.
-- restack_pending: a sub arrived while it was stacking, so it opens again once that stack has ended.
-- job_id: the latest stack job; delivered_job_id: the job whose files are in the outbox (kept until a newer one
-- is complete); master_file_id: the file row of that job's FITS master, the deep stack's input. last_sub_ms: when
-- its latest sub arrived; closes_ms: the local noon that ends it, when that was still ahead as its first sub arrived
-- (subs copied in long after their night close when they go quiet only); both epoch milliseconds.
CREATE TABLE nights (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    target              TEXT    NOT NULL,
    filter              TEXT    NOT NULL,
    exposure_seconds    REAL    NOT NULL,
    night_date          TEXT    NOT NULL,
    state               TEXT    NOT NULL CHECK (state IN ('open', 'stacking', 'done', 'failed')),
    error               TEXT,
    restack_pending     INTEGER NOT NULL DEFAULT 0,
    subs_taken          INTEGER NOT NULL DEFAULT 0,
    subs_used           INTEGER,
    integration_seconds REAL,
    fwhm_median_px      REAL,
    fwhm_median_arcsec  REAL,
    flagged_json        TEXT,
    session_id          INTEGER NOT NULL REFERENCES processing_sessions (id) ON DELETE CASCADE,
    job_id              INTEGER REFERENCES processing_jobs (id) ON DELETE SET NULL,
    delivered_job_id    INTEGER REFERENCES processing_jobs (id) ON DELETE SET NULL,
    master_file_id      INTEGER REFERENCES processing_files (id) ON DELETE SET NULL,
    last_sub_ms         INTEGER NOT NULL,
    closes_ms           INTEGER,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL,
    UNIQUE (target, filter, exposure_seconds, night_date)
);
CREATE INDEX idx_nights_state ON nights (state);
CREATE INDEX idx_nights_target ON nights (target, filter);

CREATE TABLE night_subs (
    night_id INTEGER NOT NULL REFERENCES nights (id) ON DELETE CASCADE,
    file_id  INTEGER NOT NULL REFERENCES processing_files (id) ON DELETE CASCADE,
    taken_at TEXT    NOT NULL,
    PRIMARY KEY (night_id, file_id)
);

-- The deep stack of a target (OBJECT + filter) over its nights' masters. night_job_ids: the night jobs whose
-- masters the latest deep job combines (JSON array), so that a newer night master starts it again.
CREATE TABLE deep_stacks (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    target              TEXT    NOT NULL,
    filter              TEXT    NOT NULL,
    state               TEXT    NOT NULL CHECK (state IN ('stacking', 'done', 'failed')),
    error               TEXT,
    night_job_ids       TEXT    NOT NULL,
    nights_used         INTEGER NOT NULL,
    subs_used           INTEGER NOT NULL,
    integration_seconds REAL    NOT NULL,
    job_id              INTEGER REFERENCES processing_jobs (id) ON DELETE SET NULL,
    delivered_job_id    INTEGER REFERENCES processing_jobs (id) ON DELETE SET NULL,
    updated_at          TEXT    NOT NULL,
    UNIQUE (target, filter)
);

-- Jobs whose outbox copy carries the thumbnail of each JPEG of this longest side (night and deep stacks).
ALTER TABLE processing_jobs ADD COLUMN outbox_thumbnail INTEGER;
