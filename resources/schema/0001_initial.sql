-- SPDX-License-Identifier: MIT
-- Schema version 1 of the KMS store. Applied inside one transaction by Store::migrate();
-- PRAGMA user_version records the version. Never edit a released migration: add NNNN_name.sql.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT
) WITHOUT ROWID;

-- 'seq' is the change watermark: bumped once per committed batch or deletion.
INSERT INTO meta (key, value) VALUES ('seq', '0');

CREATE TABLE embedders (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

-- AUTOINCREMENT: ids are vector index labels and tombstone keys, so a deleted id must never
-- come back as a different record.
CREATE TABLE records (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    collection   INTEGER NOT NULL CHECK (collection IN (0, 1)),
    external_id  TEXT NOT NULL CHECK (external_id <> ''),
    title        TEXT,
    body         TEXT,
    resolution   TEXT,
    status       TEXT,
    priority     TEXT,
    product      TEXT,
    category     TEXT,
    tags         TEXT,              -- JSON array, NULL when there are none
    created_at   INTEGER,           -- Unix ms, NULL when unknown
    updated_at   INTEGER,
    extra        TEXT,              -- JSON object of unmodelled source fields
    content_hash INTEGER NOT NULL,  -- 64-bit hashes stored as their signed bit pattern
    text_hash    INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    ingested_at  INTEGER NOT NULL,
    UNIQUE (collection, external_id)
);
CREATE INDEX records_seq ON records (seq);
CREATE INDEX records_text_hash ON records (text_hash);
CREATE INDEX records_collection_status ON records (collection, status);
CREATE INDEX records_updated_at ON records (updated_at);
-- Partial: each of these columns is empty for one of the two collections.
CREATE INDEX records_priority ON records (priority) WHERE priority IS NOT NULL;
CREATE INDEX records_product ON records (product) WHERE product IS NOT NULL;
CREATE INDEX records_category ON records (category) WHERE category IS NOT NULL;

-- Matching-form text (normalised by the text module); rowid = records.id.
CREATE VIRTUAL TABLE records_fts USING fts5 (
    title, body, resolution, tags,
    tokenize = "porter unicode61 remove_diacritics 2 tokenchars '-_.'"
);
-- Merge segments in larger steps than the default 4: less merge work per ingested batch.
INSERT INTO records_fts (records_fts, rank) VALUES ('automerge', 8);

-- One vector per distinct normalised text and embedder: the persistent embedding cache and the
-- vector store at once. Records point here through text_hash.
CREATE TABLE embeddings (
    id          INTEGER PRIMARY KEY,
    embedder_id INTEGER NOT NULL REFERENCES embedders (id),
    text_hash   INTEGER NOT NULL,
    vector      BLOB NOT NULL,      -- float32, native byte order
    UNIQUE (text_hash, embedder_id)  -- text_hash first: orphan clean-up looks up by text only
);

-- Deleted record ids, so the vector index can catch up without a rebuild.
CREATE TABLE tombstones (
    record_id INTEGER NOT NULL,
    seq       INTEGER NOT NULL
);
CREATE INDEX tombstones_seq ON tombstones (seq);

CREATE TABLE jobs (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    source             TEXT NOT NULL,
    options            TEXT,
    status             TEXT NOT NULL,
    priority           TEXT NOT NULL,
    read               INTEGER NOT NULL DEFAULT 0,
    inserted           INTEGER NOT NULL DEFAULT 0,
    updated            INTEGER NOT NULL DEFAULT 0,
    unchanged          INTEGER NOT NULL DEFAULT 0,
    rejected           INTEGER NOT NULL DEFAULT 0,
    batches            INTEGER NOT NULL DEFAULT 0,
    started_at         INTEGER,
    finished_at        INTEGER,
    records_per_second REAL NOT NULL DEFAULT 0,
    error              TEXT,
    created_at         INTEGER NOT NULL
);

CREATE TABLE rejects (
    id            INTEGER PRIMARY KEY,
    job_id        INTEGER REFERENCES jobs (id) ON DELETE CASCADE,
    source        TEXT,
    record_number INTEGER NOT NULL DEFAULT 0,
    line          INTEGER NOT NULL DEFAULT 0,
    field         TEXT,
    reason        TEXT NOT NULL,
    raw_data      TEXT,
    created_at    INTEGER NOT NULL
);
CREATE INDEX rejects_job ON rejects (job_id);

CREATE TABLE metrics (
    ts    INTEGER NOT NULL,             -- Unix ms
    name  TEXT NOT NULL,
    value REAL NOT NULL
);
CREATE INDEX metrics_name_ts ON metrics (name, ts);
CREATE INDEX metrics_ts ON metrics (ts);  -- for pruning by age
