// SPDX-License-Identifier: MIT
// SearchQueries: the FTS5 statements of keyword search and query expansion.
#include "storage/FilterSql.h"
#include "storage/SearchQueries.h"
#include "storage/StoreSql.h"
#include "storage/TextCodec.h"

#include <cmath>

namespace kms {

namespace {

// Checked every this many virtual-machine steps: a few microseconds between checks.
constexpr int kProgressSteps = 1000;

int cancelRequested(void *flag)
{
    return static_cast<const std::atomic<bool> *>(flag)->load(std::memory_order_relaxed) ? 1 : 0;
}

QString weight(double w)
{
    return QString::number(w, 'g', 8);
}


} // namespace

SearchQueries::SearchQueries(Store &store, const std::atomic<bool> *cancel) : m_store(store)
{
    if (cancel && store.m_db) {
        sqlite3_progress_handler(store.m_db, kProgressSteps, cancelRequested,
                                 const_cast<void *>(static_cast<const void *>(cancel)));
        m_progressHandler = true;
    }
}

SearchQueries::~SearchQueries()
{
    if (m_progressHandler)
        sqlite3_progress_handler(m_store.m_db, 0, nullptr, nullptr);
}

SearchQueries::Outcome SearchQueries::failed(int rc, const QString &what)
{
    if ((rc & 0xff) == SQLITE_INTERRUPT)
        return Outcome::Cancelled;
    m_error = QStringLiteral("keyword search: %1 failed: %2").arg(what, sql::errorOf(m_store.m_db));
    return Outcome::Failed;
}

SearchQueries::Outcome SearchQueries::rankMatches(const QString &match, const SearchFilters &filters,
                                                  qint64 afterRowid, int limit, const FtsWeights &w,
                                                  const QList<double> &frequencies, QList<KeywordHit> *hits)
{
    QString bm25 = QStringLiteral("kms_bm25(records_fts, %1, %2, %3, %4")
                       .arg(weight(w.title), weight(w.body), weight(w.resolution), weight(w.tags));
    for (double f : frequencies)
        bm25 += QStringLiteral(", ") + (std::isfinite(f) && f >= 0 ? weight(std::round(f)) : QStringLiteral("NULL"));
    bm25 += u')';
    const FilterSql where = filterFor(filters);
    const bool filtered = where.where != u"1";
    QString text = QStringLiteral("SELECT records_fts.rowid, %1 AS score FROM records_fts").arg(bm25);
    // CROSS JOIN: the matches drive, each record read by its key. A filter column's index could
    // otherwise lead, with a full-text lookup for every record of a common product.
    if (filtered)
        text += QStringLiteral(" CROSS JOIN records r ON r.id = records_fts.rowid");
    text += QStringLiteral(" WHERE records_fts MATCH ?1");
    if (afterRowid > 0)
        text += QStringLiteral(" AND records_fts.rowid > ?2");
    if (filtered)
        text += QStringLiteral(" AND (%1)").arg(where.where);
    text += QStringLiteral(" ORDER BY score LIMIT ?");

    sql::Statement st(text);
    if (!st.prepare(m_store.m_db, nullptr, false))
        return failed(sqlite3_errcode(m_store.m_db), QStringLiteral("preparing the query"));
    sql::Query q(st);
    q.bindText(1, match);
    int next = 2;
    if (afterRowid > 0)
        q.bind(next++, afterRowid);
    next = q.bindAll(next, where.params);
    q.bind(next, limit);
    hits->clear();
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        hits->append(KeywordHit{q.int64(0), -q.real(1)});
    if (rc == SQLITE_DONE)
        return Outcome::Ok;
    return failed(rc, QStringLiteral("the query '%1'").arg(match));
}

SearchQueries::Outcome SearchQueries::matchFrequencies(const QStringList &expressions, int cap,
                                                       QList<MatchFrequency> *out, qint64 newestId)
{
    sql::Statement count("SELECT count(*), min(rowid) FROM (SELECT rowid FROM records_fts "
                         "WHERE records_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2)");
    if (!count.prepare(m_store.m_db, nullptr, false))
        return failed(sqlite3_errcode(m_store.m_db), QStringLiteral("counting matches"));
    qint64 maxRow = newestId;
    for (const QString &part : expressions) {
        sql::Query q(count);
        q.bindText(1, part).bind(2, cap + 1);
        const int rc = q.step();
        if (rc != SQLITE_ROW)
            return failed(rc, QStringLiteral("counting matches of %1").arg(part));
        MatchFrequency f;
        f.counted = q.int32(0);
        f.estimate = f.counted;
        if (f.counted > cap) {
            if (maxRow < 0 && (maxRow = newestRecordId()) < 0)
                return failed(sqlite3_errcode(m_store.m_db), QStringLiteral("counting the records"));
            // Row ids are handed out in order and mostly dense, so the span of row ids the newest
            // matches cover stands for that many rows.
            const double span = double(std::max<qint64>(1, maxRow - q.int64(1) + 1));
            f.estimate = std::max(double(f.counted), double(f.counted) * double(maxRow) / span);
        }
        out->append(f);
    }
    return Outcome::Ok;
}

qint64 SearchQueries::newestRecordId()
{
    sql::Statement st("SELECT coalesce(max(id), 0) FROM records");
    if (!st.prepare(m_store.m_db, nullptr, false))
        return -1;
    sql::Query q(st);
    return q.step() == SQLITE_ROW ? q.int64(0) : -1;
}

SearchQueries::Outcome SearchQueries::newestWindow(const QString &match, int budget, qint64 *afterRowid)
{
    sql::Statement st("SELECT rowid FROM records_fts WHERE records_fts MATCH ?1 ORDER BY rowid DESC "
                      "LIMIT 1 OFFSET ?2");
    if (!st.prepare(m_store.m_db, nullptr, false))
        return failed(sqlite3_errcode(m_store.m_db), QStringLiteral("finding the newest matches"));
    sql::Query q(st);
    q.bindText(1, match).bind(2, budget);
    const int rc = q.step();
    *afterRowid = rc == SQLITE_ROW ? q.int64(0) : 0;
    if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        return Outcome::Ok;
    return failed(rc, QStringLiteral("finding the newest matches"));
}

int SearchQueries::matchCount(const QString &match, int cap)
{
    sql::Statement st("SELECT count(*) FROM (SELECT rowid FROM records_fts WHERE records_fts MATCH ?1 LIMIT ?2)");
    if (!m_store.m_db || !st.prepare(m_store.m_db, nullptr, false))
        return 0;
    sql::Query q(st);
    q.bindText(1, match).bind(2, cap);
    return q.step() == SQLITE_ROW ? q.int32(0) : 0;
}

QList<IndexedText> SearchQueries::indexedTexts(const QList<qint64> &ids)
{
    // From the records: the full-text index may keep no copy of the text (StoreFullTextForm.cpp).
    QList<IndexedText> out;
    sql::Statement st(QStringLiteral("SELECT id, title, body, resolution FROM records WHERE id IN (%1)")
                          .arg(sql::idList(ids)));
    if (!st.prepare(m_store.m_db, &m_error, false))
        return out;
    sql::Query q(st);
    while (q.step() == SQLITE_ROW) {
        // Decoded here, as hitRows does: a damaged text leaves that record's text out, not the rest.
        IndexedText t{q.int64(0), q.text(1), {}, {}};
        QString ignored;
        sql::columnText(st.get(), 2, *m_store.m_codec, &t.body, &ignored);
        sql::columnText(st.get(), 3, *m_store.m_codec, &t.resolution, &ignored);
        out.append(std::move(t));
    }
    return out;
}

} // namespace kms
