// SPDX-License-Identifier: MIT
// The data browser's value lists (filter choices, allowed values, export columns) and the
// whole-record walk of an export.
#include "storage/BrowseSql.h"
#include "storage/Store.h"

#include <algorithm>

namespace kms {

using namespace browse;

BrowseFacets Store::browseFacets(Collection c)
{
    // Skip-scans (distinctValuesSql). Status exactly (from records_collection_status); priority
    // exactly within each urgency rank; product and category one spelling per value ignoring case
    // (the browser filters those ignoring case). While a load has those indexes away each seek
    // would read the whole table: one pass per column instead.
    BrowseFacets facets;
    const bool indexed = !readIndexesDeferred();
    auto distinct = [&](const QString &column, const QString &where, const QString &collate, QStringList *out) {
        AdHoc s(m_db,
                indexed ? distinctValuesSql(QStringLiteral("r.") + column + collate, QStringLiteral("r.collection = ?1") + where)
                        : QStringLiteral("SELECT DISTINCT r.%1%2 FROM records r WHERE r.collection = ?1"
                                         " AND r.%1 IS NOT NULL%3")
                              .arg(column, collate, where),
                {qint64(int(c))});
        if (!s.ok()) {
            fail(QStringLiteral("reading the values of %1: %2").arg(column, s.error()));
            return;
        }
        sql::Query query(s.statement());
        int rc;
        while ((rc = query.step()) == SQLITE_ROW)
            out->append(query.text(0));
        if (rc != SQLITE_DONE)
            sqlFail(QStringLiteral("reading the values of %1").arg(column), rc);
    };
    if (!beginRead())
        return facets;
    distinct(QStringLiteral("status"), {}, {}, &facets.statuses);
    for (int rank = 0; rank <= 4; ++rank)
        distinct(QStringLiteral("priority"), QStringLiteral(" AND %1 = %2").arg(QLatin1String(kPriorityRank)).arg(rank), {},
                 &facets.priorities);
    distinct(QStringLiteral("product"), {}, QStringLiteral(" COLLATE NOCASE"), &facets.products);
    distinct(QStringLiteral("category"), {}, QStringLiteral(" COLLATE NOCASE"), &facets.categories);
    endRead();
    // For people: case-insensitive order (priorities stay in urgency order).
    for (QStringList *list : {&facets.statuses, &facets.products, &facets.categories})
        std::sort(list->begin(), list->end(),
                  [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return facets;
}

bool Store::forEachBrowsed(const BrowseQuery &q, const QString &ftsMatch, qint64 matching,
                           const std::function<bool(const StoredRecord &)> &fn)
{
    const Sql b = browseSql(q, ftsMatch, orderedPlan(ftsMatch, matching, !readIndexesDeferred()), true);
    AdHoc s(m_db,
            QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4")
                .arg(QLatin1String(sql::kRecordColumns), b.from, b.where, b.orderBy),
            b.params);
    if (!s.ok()) {
        fail(QStringLiteral("reading records: %1").arg(s.error()));
        return false;
    }
    sql::Query query(s.statement());
    int rc;
    while ((rc = query.step()) == SQLITE_ROW) {
        if (!fn(sql::readRecord(query)))
            return true;
    }
    if (rc != SQLITE_DONE) {
        sqlFail(QStringLiteral("reading records"), rc);
        return false;
    }
    return true;
}

QStringList Store::browseExtraKeys(const BrowseQuery &q, const QString &ftsMatch)
{
    const Sql b = browseSql(q, ftsMatch, ftsMatch.isEmpty() ? Plan::Planner : Plan::FullText, false);
    AdHoc s(m_db,
            QStringLiteral("SELECT DISTINCT e.key FROM %1, json_each(kms_text(r.extra)) e WHERE r.extra IS NOT NULL AND %2"
                           " ORDER BY 1")
                .arg(b.from, b.where),
            b.params);
    QStringList keys;
    if (!s.ok()) {
        fail(QStringLiteral("reading the extra fields: %1").arg(s.error()));
        return keys;
    }
    sql::Query query(s.statement());
    int rc;
    while ((rc = query.step()) == SQLITE_ROW)
        keys << query.text(0);
    if (rc != SQLITE_DONE)
        sqlFail(QStringLiteral("reading the extra fields"), rc);
    return keys;
}

} // namespace kms
