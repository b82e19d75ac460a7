-- SPDX-License-Identifier: MIT
-- Schema version 3: scheduled syncs. A source (files + ingestion options) re-ingested every N
-- minutes; unchanged records cost a hash comparison, so a sync is incremental by construction.

CREATE TABLE sync_schedules (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    name             TEXT NOT NULL,
    options          TEXT NOT NULL,             -- IngestOptions as JSON (files, collection, mappings, ...)
    interval_minutes INTEGER NOT NULL CHECK (interval_minutes >= 1),
    enabled          INTEGER NOT NULL DEFAULT 1,
    created_at       INTEGER NOT NULL,          -- Unix ms
    next_run_at      INTEGER NOT NULL,          -- Unix ms; runs fall on next_run_at + k * interval
    last_run_at      INTEGER,                   -- Unix ms, NULL before the first run
    last_job_id      INTEGER                    -- the job of the last run (jobs may be pruned: no FK)
);
-- The timer asks "what is due now?" every few seconds.
CREATE INDEX sync_schedules_next ON sync_schedules (enabled, next_run_at);
