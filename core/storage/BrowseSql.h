// SPDX-License-Identifier: MIT
#pragma once
// Internal to kms_storage: the data browser's SQL, shared by StoreBrowse*.cpp.

#include "model/Browse.h"
#include "storage/StoreSql.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

namespace kms::browse {

// With a full-text filter matching at most this many rows, the full-text index finds them and
// they are sorted; with more, walking the sort index and checking each row against the match list
// is cheaper, since a page needs only a few hundred of them.
constexpr qint64 kSortInMemoryLimit = 20'000;

// Must equal the expressions of records_browse_status / records_browse_priority (0005).
constexpr const char *kStatusRank =
    "(CASE lower(r.status) WHEN 'new' THEN 1 WHEN 'open' THEN 2 WHEN 'pending' THEN 3"
    " WHEN 'resolved' THEN 4 WHEN 'closed' THEN 5 WHEN 'draft' THEN 6 WHEN 'published' THEN 7"
    " WHEN 'archived' THEN 8 ELSE 9 END)";
constexpr const char *kPriorityRank =
    "(CASE lower(r.priority) WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3"
    " WHEN 'critical' THEN 4 ELSE 0 END)";

// The distinct values of `key` (an indexed expression over records r) among the records `scope`
// keeps, smallest first, as one statement: a skip-scan, each step one index seek for the smallest
// value above the last (min() seeks past NULLs), so a million rows with a handful of values cost a
// handful of seeks. `scope` must be usable with the index, e.g. "r.collection = ?1".
QString distinctValuesSql(const QString &key, const QString &scope);

// The columns of a BrowseRow, as readRow() reads them (table alias r).
constexpr const char *kRowColumns =
    "r.id, r.external_id, r.title, r.status, r.priority, r.product, r.category, r.tags, r.updated_at";

// How a browse statement finds its rows.
enum class Plan {
    SortIndex, // walk the sort's index in order; status / priority / product / category are checked
               // in the index entries (0005 indexes carry them), full-text as a list of rowids
    FullText,  // the full-text matches drive (few of them), then are sorted
    Planner    // SQLite's choice (counts without filters)
};

// The plan of a page or id query: the sort index unless a full-text filter matches few rows, or
// SQLite's choice while a load has the sort indexes away (Store::deferReadIndexes).
Plan orderedPlan(const QString &ftsMatch, qint64 matching, bool sortIndexes);
bool hasFilters(const BrowseQuery &q, const QString &ftsMatch);

// One browse statement's parts; params bind in order.
struct Sql {
    QString from;
    QString where;
    QString orderBy;  // empty unless ordered
    QVariantList params;
};
Sql browseSql(const BrowseQuery &q, const QString &ftsMatch, Plan plan, bool ordered);

BrowseRow readRow(const sql::Query &query); // kRowColumns

// A statement prepared for one call, its parameters bound (QString as text, else integer).
class AdHoc
{
public:
    AdHoc(sqlite3 *db, const QString &text, const QVariantList &params);
    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    const sql::Statement &statement() const { return m_stmt; }

private:
    QByteArray m_text;
    sql::Statement m_stmt;
    QString m_error;
    bool m_ok = false;
};

} // namespace kms::browse
