-- SPDX-License-Identifier: MIT
-- Schema version 5: indexes for the data browser. Each sort of the browser's tables walks one of
-- these in order within a collection, so a page of a million-row table is read from the index
-- instead of sorting every row. Ties are broken by the rowid every index ends with.
-- The status and priority expressions must stay identical to the ones in StoreBrowse.cpp (SQLite
-- only uses an expression index for the same expression); a storage test checks every sort's plan.

CREATE INDEX records_browse_title ON records (collection, title COLLATE NOCASE);
CREATE INDEX records_browse_updated ON records (collection, updated_at);
CREATE INDEX records_browse_product ON records (collection, product COLLATE NOCASE);
CREATE INDEX records_browse_category ON records (collection, category COLLATE NOCASE);
-- Workflow order, not alphabetical: new, open, pending, resolved, closed (articles: draft,
-- published, archived); other values after them, alphabetically.
CREATE INDEX records_browse_status ON records (
    collection,
    (CASE lower(status) WHEN 'new' THEN 1 WHEN 'open' THEN 2 WHEN 'pending' THEN 3
        WHEN 'resolved' THEN 4 WHEN 'closed' THEN 5 WHEN 'draft' THEN 6 WHEN 'published' THEN 7
        WHEN 'archived' THEN 8 ELSE 9 END),
    status COLLATE NOCASE);
-- Urgency order: low, medium, high, critical; other values (and none) before them.
CREATE INDEX records_browse_priority ON records (
    collection,
    (CASE lower(priority) WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3
        WHEN 'critical' THEN 4 ELSE 0 END),
    priority COLLATE NOCASE);
