-- SPDX-License-Identifier: MIT
-- Schema version 8 marks what version 7 programs cannot handle, so they refuse the file instead of
-- damaging it: vectors may be stored in half precision (core/storage/VectorBlob.h; read as
-- float32 they would be nonsense), and the full-text index may keep no copy of its text (rebuilt
-- by core/storage/StoreFullTextForm.cpp as a contentless FTS5 table, whose rows change only
-- through FTS5's 'delete' command, which older programs do not use). No table changes here: the
-- rebuild runs in batches with progress (Engine, kmsctl compact), not inside a migration.
SELECT 1;
