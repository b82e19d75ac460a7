// SPDX-License-Identifier: MIT
#pragma once

#include "model/SearchFilters.h"

#include <QString>
#include <QVariantList>

struct sqlite3;

namespace kms {

// SearchFilters as a SQL condition over the records table aliased `r`, with positional parameters
// (?) and their values in order (QString, qint64). Empty filters give "1".
struct FilterSql {
    QString where;
    QVariantList params;
};
// Without a connection, status, priority, product and category compare through kms_fold(), which
// no index can serve: every filter reads every record. With one (whose browse indexes are in place,
// not deferred by a load), the values asked for are first matched against the spellings the
// store holds, listed from those indexes one seek per distinct value, and the column compares with
// the matching spellings in a form the index answers: a filter that keeps 20 of a million records
// reads 20 index entries. A value nobody stored makes the condition "0". Tags are checked in each
// record's JSON (no index holds them; SearchQueries narrows them through the full-text index first
// when it can).
FilterSql filterSql(const SearchFilters &filters, sqlite3 *indexed = nullptr);

} // namespace kms
