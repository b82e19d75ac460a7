-- SPDX-License-Identifier: MIT
-- Schema version 9: the zstd dictionaries that compress records' long texts (body, resolution,
-- extra fields). A collection gets one, trained on its first large batch; a compressed value
-- names its dictionary, so the rows written before it (plain text) and after it read alike
-- through kms_text(). Never deleted while a value may name it.

CREATE TABLE text_dictionaries (
    id          INTEGER PRIMARY KEY,
    collection  INTEGER NOT NULL CHECK (collection IN (0, 1)),
    dictionary  BLOB NOT NULL,
    created_at  INTEGER NOT NULL
);
