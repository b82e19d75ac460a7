-- SPDX-License-Identifier: MIT
-- Schema version 6: bearer tokens of the REST API. Only the SHA-256 of a token is kept (hex), so
-- a copy of the database gives no one access; the token itself is shown once, when created.
-- Revoked tokens stay for the record (who had access, until when); a name is unique among the
-- tokens still in force, so a revoked name can be given to a new token.

CREATE TABLE IF NOT EXISTS api_tokens (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    scope        TEXT NOT NULL CHECK (scope IN ('read', 'write')),
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at   INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS api_tokens_active_name ON api_tokens (name) WHERE revoked_at IS NULL;
