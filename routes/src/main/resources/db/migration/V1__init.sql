-- Sessions group uploaded files; inbox files get one session per top folder of the inbox.
CREATE TABLE processing_sessions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    session_name TEXT    NOT NULL,
    source       TEXT    NOT NULL CHECK (source IN ('upload', 'inbox')),
    status       TEXT    NOT NULL CHECK (status IN ('uploading', 'ready')),
    created_at   TEXT    NOT NULL,
    finalized_at TEXT
);
CREATE INDEX idx_sessions_created ON processing_sessions (created_at DESC);
CREATE UNIQUE INDEX idx_sessions_inbox_name ON processing_sessions (session_name) WHERE source = 'inbox';

-- stored_path is absolute: data/uploads/<uuid>.<ext> for uploads, the file itself for inbox files.
-- header_json holds the FITS header summary and cards; invalid_reason says why a file is no usable FITS.
CREATE TABLE processing_files (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id     INTEGER NOT NULL REFERENCES processing_sessions (id) ON DELETE CASCADE,
    original_name  TEXT    NOT NULL,
    stored_path    TEXT    NOT NULL,
    file_type      TEXT    NOT NULL,
    size_bytes     INTEGER NOT NULL,
    header_json    TEXT,
    invalid_reason TEXT,
    inbox_path     TEXT,
    inbox_mtime_ms INTEGER,
    created_at     TEXT    NOT NULL,
    deleted_at     TEXT
);
CREATE INDEX idx_files_session ON processing_files (session_id);
CREATE INDEX idx_files_inbox_path ON processing_files (inbox_path) WHERE inbox_path IS NOT NULL;
CREATE INDEX idx_files_live_uploads ON processing_files (id) WHERE inbox_path IS NULL AND deleted_at IS NULL;

-- Custom pipelines posted through the API, kept as the YAML that was validated.
CREATE TABLE processing_pipelines (
    name       TEXT PRIMARY KEY,
    yaml       TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- outbox_folder is set for inbox jobs only: the folder relative to the outbox that receives the outputs.
CREATE TABLE processing_jobs (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id         INTEGER NOT NULL REFERENCES processing_sessions (id) ON DELETE CASCADE,
    file_id            INTEGER NOT NULL REFERENCES processing_files (id) ON DELETE CASCADE,
    pipeline_name      TEXT    NOT NULL,
    status             TEXT    NOT NULL CHECK (status IN ('queued', 'running', 'complete', 'failed', 'cancelled')),
    progress_percent   REAL    NOT NULL DEFAULT 0,
    current_step       TEXT,
    created_at         TEXT    NOT NULL,
    started_at         TEXT,
    completed_at       TEXT,
    error_message      TEXT,
    gpu_used           INTEGER,
    backend            TEXT,
    output_files       TEXT    NOT NULL DEFAULT '[]',
    measurements_json  TEXT,
    attempts           INTEGER NOT NULL DEFAULT 0,
    outbox_folder      TEXT,
    outbox_stem        TEXT,
    outputs_deleted_at TEXT
);
CREATE INDEX idx_jobs_created ON processing_jobs (created_at DESC, id DESC);
CREATE INDEX idx_jobs_status ON processing_jobs (status);
CREATE INDEX idx_jobs_session ON processing_jobs (session_id);
CREATE INDEX idx_jobs_file ON processing_jobs (file_id);
CREATE INDEX idx_jobs_live_outputs ON processing_jobs (id) WHERE outputs_deleted_at IS NULL AND completed_at IS NOT NULL;

-- Every status change of a job, with its time: the audit trail of the state machine.
CREATE TABLE processing_job_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id      INTEGER NOT NULL REFERENCES processing_jobs (id) ON DELETE CASCADE,
    from_status TEXT,
    to_status   TEXT    NOT NULL,
    at          TEXT    NOT NULL,
    detail      TEXT
);
CREATE INDEX idx_job_events_job ON processing_job_events (job_id);

-- Inbox files already taken, by relative path + size + mtime (Camel's idempotent repository).
CREATE TABLE inbox_seen (
    file_key   TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);
