-- SPDX-License-Identifier: MIT
-- Schema version 7: a job counts the records the input rules changed or flagged on their way in
-- (a title taken from the description, a status or priority outside the standard list), so an
-- operator sees how many stored records are not exactly what the file said.

ALTER TABLE jobs ADD COLUMN adjusted INTEGER NOT NULL DEFAULT 0;
