-- SPDX-License-Identifier: MIT
-- Schema version 5: indexes for the data browser. Each sort of the browser's tables walks one of
-- these in order within a collection, so a page of a million-row table is read from the index
-- instead of sorting every row; ties are broken by the rowid every index ends with. Each also
-- carries the filterable columns (status, priority, product, category), so a filtered walk checks
-- the filters in the index and reads the table only for the rows it returns: a narrow index
-- entry instead of a ~1.5 KB record per row passed over.
-- The status and priority expressions must stay identical to the ones in StoreBrowse.cpp (SQLite
-- only uses an expression index for the same expression); a test checks every sort's plan.

CREATE INDEX IF NOT EXISTS records_browse_external_id ON records (collection, external_id, status, priority, product, category);
CREATE INDEX IF NOT EXISTS records_browse_title ON records (collection, title COLLATE NOCASE, status, priority, product, category);
CREATE INDEX IF NOT EXISTS records_browse_updated ON records (collection, updated_at, status, priority, product, category);
CREATE INDEX IF NOT EXISTS records_browse_product ON records (collection, product COLLATE NOCASE, status, priority, category);
CREATE INDEX IF NOT EXISTS records_browse_category ON records (collection, category COLLATE NOCASE, status, priority, product);
-- Workflow order, not alphabetical: new, open, pending, resolved, closed (articles: draft,
-- published, archived); other values after them, alphabetically.
CREATE INDEX IF NOT EXISTS records_browse_status ON records (
    collection,
    (CASE lower(status) WHEN 'new' THEN 1 WHEN 'open' THEN 2 WHEN 'pending' THEN 3
        WHEN 'resolved' THEN 4 WHEN 'closed' THEN 5 WHEN 'draft' THEN 6 WHEN 'published' THEN 7
        WHEN 'archived' THEN 8 ELSE 9 END),
    status COLLATE NOCASE, priority, product, category);
-- Urgency order: low, medium, high, critical; other values (and none) before them. The stored
-- value itself in binary order (unlike the names above): the browser filters priorities ignoring
-- case, and SQLite drops a sort column that an equality of the same collation pins.
CREATE INDEX IF NOT EXISTS records_browse_priority ON records (
    collection,
    (CASE lower(priority) WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3
        WHEN 'critical' THEN 4 ELSE 0 END),
    priority, status, product, category);

-- The single-column partial indexes of 0001 on these columns serve no query (search filters
-- compare lower(column), which they cannot serve; the browser uses the indexes above), yet cost
-- every ingested record an insert each: measured, dropping them pays back about a fifth of what
-- the seven indexes above cost a write (docs/performance.md, "Data browser").
DROP INDEX IF EXISTS records_priority;
DROP INDEX IF EXISTS records_product;
DROP INDEX IF EXISTS records_category;
