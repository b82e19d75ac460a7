-- SPDX-License-Identifier: MIT
-- Schema version 2: search analytics. One row per logged search, written in batches by SearchLog.

CREATE TABLE search_log (
    id         INTEGER PRIMARY KEY,
    ts         INTEGER NOT NULL,            -- Unix ms
    text       TEXT NOT NULL,               -- the query as the user typed it
    mode       TEXT NOT NULL,               -- keyword, vector, hybrid
    filters    TEXT NOT NULL DEFAULT '{}',  -- JSON object
    hits       INTEGER NOT NULL,
    latency_ms REAL NOT NULL
);
-- Every report reads a time window.
CREATE INDEX search_log_ts ON search_log (ts);
-- Looking up how often one query was asked.
CREATE INDEX search_log_text ON search_log (text);
