// SPDX-License-Identifier: MIT
// The data browser's queries: counts, sorted pages, id snapshots and rows by id. Built per call
// (the filters vary) by BrowseSql, with parameters bound, never spliced in.
#include "storage/BrowseSql.h"
#include "storage/Store.h"

#include <QElapsedTimer>

namespace kms {

using namespace browse;

// How many rows the full-text expression matches in all collections (a doclist walk, no table).
qint64 Store::ftsMatchCount(const QString &ftsMatch)
{
    AdHoc s(m_db, QStringLiteral("SELECT count(*) FROM records_fts WHERE records_fts MATCH ?"), {ftsMatch});
    if (!s.ok())
        return -1;
    sql::Query query(s.statement());
    return query.step() == SQLITE_ROW ? query.int64(0) : -1;
}

qint64 Store::browseCount(const BrowseQuery &q, const QString &ftsMatch)
{
    // Full-text: from the matches when few, else one walk of the update-time index checking each
    // entry against them. Column filters: that walk, checking them in its entries (bounded by the
    // collection's size, no table reads). None: any index.
    const bool indexed = !readIndexesDeferred();
    Plan plan = Plan::Planner;
    if (!ftsMatch.isEmpty())
        plan = orderedPlan(ftsMatch, ftsMatchCount(ftsMatch), indexed);
    else if (hasFilters(q, ftsMatch) && indexed)
        plan = Plan::SortIndex;
    BrowseQuery counted = q;
    counted.sort = BrowseSort::Updated;
    const Sql b = browseSql(counted, ftsMatch, plan, false);
    AdHoc s(m_db, QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(b.from, b.where), b.params);
    if (!s.ok()) {
        fail(QStringLiteral("counting records: %1").arg(s.error()));
        return -1;
    }
    sql::Query query(s.statement());
    const int rc = query.step();
    if (rc != SQLITE_ROW) {
        sqlFail(QStringLiteral("counting records"), rc);
        return -1;
    }
    return query.int64(0);
}

BrowsePage Store::browsePage(const BrowseQuery &q, const QString &ftsMatch, qint64 offset, int limit,
                             qint64 matching)
{
    QElapsedTimer timer;
    timer.start();
    BrowsePage page;
    page.offset = offset;
    const Sql b = browseSql(q, ftsMatch, orderedPlan(ftsMatch, matching, !readIndexesDeferred()), true);
    QVariantList params = b.params;
    params << qint64(limit) << offset;
    AdHoc s(m_db,
            QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4 LIMIT ? OFFSET ?")
                .arg(QLatin1String(kRowColumns), b.from, b.where, b.orderBy),
            params);
    if (!s.ok()) {
        page.error = QStringLiteral("reading records: %1").arg(s.error());
        fail(page.error);
        return page;
    }
    sql::Query query(s.statement());
    int rc;
    while ((rc = query.step()) == SQLITE_ROW)
        page.rows.append(readRow(query));
    if (rc != SQLITE_DONE) {
        sqlFail(QStringLiteral("reading records"), rc);
        page.error = m_lastError;
    }
    page.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    return page;
}

BrowseIds Store::browseIds(const BrowseQuery &q, const QString &ftsMatch)
{
    QElapsedTimer timer;
    timer.start();
    BrowseIds out;
    // The sort index has every id in order and the column filters in its entries: no table reads
    // but for a tag. A full-text filter with few matches: those are found first, then sorted.
    const Plan plan =
        orderedPlan(ftsMatch, ftsMatch.isEmpty() ? -1 : ftsMatchCount(ftsMatch), !readIndexesDeferred());
    const Sql b = browseSql(q, ftsMatch, plan, true);
    AdHoc s(m_db, QStringLiteral("SELECT r.id FROM %1 WHERE %2 ORDER BY %3").arg(b.from, b.where, b.orderBy), b.params);
    if (!s.ok()) {
        out.error = QStringLiteral("reading record ids: %1").arg(s.error());
        fail(out.error);
        return out;
    }
    sql::Query query(s.statement());
    int rc;
    while ((rc = query.step()) == SQLITE_ROW)
        out.ids.append(query.int64(0));
    if (rc != SQLITE_DONE) {
        sqlFail(QStringLiteral("reading record ids"), rc);
        out.error = m_lastError;
        out.ids.clear();
    }
    out.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    return out;
}

BrowsePage Store::browseRows(const QList<qint64> &ids)
{
    QElapsedTimer timer;
    timer.start();
    BrowsePage page;
    if (ids.isEmpty())
        return page;
    QVariantList params;
    params.reserve(ids.size());
    QString marks;
    for (qint64 id : ids) {
        marks += marks.isEmpty() ? QStringLiteral("?") : QStringLiteral(",?");
        params << id;
    }
    AdHoc s(m_db, QStringLiteral("SELECT %1 FROM records r WHERE r.id IN (%2)").arg(QLatin1String(kRowColumns), marks),
            params);
    if (!s.ok()) {
        page.error = QStringLiteral("reading records: %1").arg(s.error());
        fail(page.error);
        return page;
    }
    QHash<qint64, BrowseRow> found;
    found.reserve(ids.size());
    {
        sql::Query query(s.statement());
        int rc;
        while ((rc = query.step()) == SQLITE_ROW) {
            BrowseRow row = readRow(query);
            found.insert(row.id, std::move(row));
        }
        if (rc != SQLITE_DONE) {
            sqlFail(QStringLiteral("reading records"), rc);
            page.error = m_lastError;
            return page;
        }
    }
    page.rows.reserve(ids.size());
    for (qint64 id : ids) {
        auto it = found.find(id);
        if (it != found.end()) {
            page.rows.append(std::move(it.value()));
        } else {
            BrowseRow gone;
            gone.id = id;
            gone.exists = false;
            page.rows.append(gone);
        }
    }
    page.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    return page;
}

bool Store::beginSnapshot()
{
    return beginRead();
}

void Store::endSnapshot()
{
    endRead();
}

QString Store::explainBrowse(const BrowseQuery &q, const QString &ftsMatch, qint64 matching)
{
    const Sql b = browseSql(q, ftsMatch, orderedPlan(ftsMatch, matching, !readIndexesDeferred()), true);
    QVariantList params = b.params;
    params << qint64(100) << qint64(0);
    AdHoc s(m_db,
            QStringLiteral("EXPLAIN QUERY PLAN SELECT %1 FROM %2 WHERE %3 ORDER BY %4 LIMIT ? OFFSET ?")
                .arg(QLatin1String(kRowColumns), b.from, b.where, b.orderBy),
            params);
    if (!s.ok())
        return s.error();
    sql::Query query(s.statement());
    QStringList lines;
    while (query.step() == SQLITE_ROW)
        lines << query.text(3);
    return lines.join(u'\n');
}

} // namespace kms
