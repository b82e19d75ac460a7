// SPDX-License-Identifier: MIT
#include "search/KeywordSearch.h"

#include "search/FilterSql.h"
#include "storage/Store.h"

#include <sqlite3.h>

#include <cmath>

namespace kms {

namespace {

// Checked every this many virtual-machine steps: a few microseconds between checks.
constexpr int kProgressSteps = 1000;

int cancelRequested(void *flag)
{
    return static_cast<const std::atomic<bool> *>(flag)->load(std::memory_order_relaxed) ? 1 : 0;
}

// Installs the cancel check on the connection for one search and always removes it again: the
// connection goes back to a pool and must not keep a pointer to this caller's flag.
class ProgressGuard
{
public:
    ProgressGuard(sqlite3 *db, const std::atomic<bool> *cancel)
        : m_db(cancel ? db : nullptr)
    {
        if (m_db)
            sqlite3_progress_handler(m_db, kProgressSteps, cancelRequested,
                                     const_cast<void *>(static_cast<const void *>(cancel)));
    }
    ~ProgressGuard()
    {
        if (m_db)
            sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
    }
    ProgressGuard(const ProgressGuard &) = delete;
    ProgressGuard &operator=(const ProgressGuard &) = delete;

private:
    sqlite3 *m_db;
};

QString weight(double w, double fallback)
{
    if (!std::isfinite(w) || w < 0)
        w = fallback;
    return QString::number(w, 'g', 8);
}

class Statement
{
public:
    ~Statement() { sqlite3_finalize(m_stmt); }
    sqlite3_stmt *m_stmt = nullptr;
};

bool bindAll(sqlite3_stmt *stmt, const QVariantList &params, int first)
{
    int index = first;
    for (const QVariant &v : params) {
        int rc;
        if (v.typeId() == QMetaType::QString) {
            const QByteArray utf8 = v.toString().toUtf8();
            rc = sqlite3_bind_text(stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        } else {
            rc = sqlite3_bind_int64(stmt, index, v.toLongLong());
        }
        if (rc != SQLITE_OK)
            return false;
        ++index;
    }
    return true;
}

enum class Outcome { Ok, Cancelled, Failed };

// One ranked FTS5 statement. Filters, when present, join the records table in the same statement
// so LIMIT applies after filtering.
Outcome runMatch(sqlite3 *db, const QString &match, const FilterSql &filters, int limit,
                 const KeywordSearchOptions &o, QList<KeywordHit> *hits, QString *error)
{
    const KeywordSearchOptions d;
    const QString bm25 = QStringLiteral("bm25(records_fts, %1, %2, %3, %4)")
                             .arg(weight(o.titleWeight, d.titleWeight), weight(o.bodyWeight, d.bodyWeight),
                                  weight(o.resolutionWeight, d.resolutionWeight),
                                  weight(o.tagsWeight, d.tagsWeight));
    const bool filtered = filters.where != u"1";
    QString sql = QStringLiteral("SELECT records_fts.rowid, %1 AS score FROM records_fts").arg(bm25);
    if (filtered)
        sql += QStringLiteral(" JOIN records r ON r.id = records_fts.rowid");
    sql += QStringLiteral(" WHERE records_fts MATCH ?1");
    if (filtered)
        sql += QStringLiteral(" AND (%1)").arg(filters.where);
    sql += QStringLiteral(" ORDER BY score LIMIT ?");

    Statement st;
    const QByteArray sqlUtf8 = sql.toUtf8();
    int rc = sqlite3_prepare_v2(db, sqlUtf8.constData(), int(sqlUtf8.size()), &st.m_stmt, nullptr);
    if (rc == SQLITE_INTERRUPT)
        return Outcome::Cancelled;
    if (rc != SQLITE_OK) {
        if (error)
            *error = QStringLiteral("keyword search: preparing the query failed: %1")
                         .arg(QString::fromUtf8(sqlite3_errmsg(db)));
        return Outcome::Failed;
    }
    const QByteArray matchUtf8 = match.toUtf8();
    sqlite3_bind_text(st.m_stmt, 1, matchUtf8.constData(), int(matchUtf8.size()), SQLITE_STATIC);
    if (!bindAll(st.m_stmt, filters.params, 2)
        || sqlite3_bind_int(st.m_stmt, 2 + int(filters.params.size()), limit) != SQLITE_OK) {
        if (error)
            *error = QStringLiteral("keyword search: binding the filters failed: %1")
                         .arg(QString::fromUtf8(sqlite3_errmsg(db)));
        return Outcome::Failed;
    }
    hits->clear();
    while ((rc = sqlite3_step(st.m_stmt)) == SQLITE_ROW)
        hits->append(KeywordHit{sqlite3_column_int64(st.m_stmt, 0), -sqlite3_column_double(st.m_stmt, 1)});
    if (rc == SQLITE_DONE)
        return Outcome::Ok;
    if (rc == SQLITE_INTERRUPT)
        return Outcome::Cancelled;
    if (error)
        *error = QStringLiteral("keyword search failed: %1 (FTS expression: %2)")
                     .arg(QString::fromUtf8(sqlite3_errmsg(db)), match);
    return Outcome::Failed;
}

} // namespace

QList<KeywordHit> keywordSearch(Store &reader, const ParsedQuery &query, const SearchFilters &filters,
                                int limit, const KeywordSearchOptions &options,
                                const std::atomic<bool> *cancel, bool *cancelled, QString *error)
{
    if (cancelled)
        *cancelled = false;
    QList<KeywordHit> hits;
    sqlite3 *db = reader.handle();
    if (!db) {
        if (error)
            *error = QStringLiteral("keyword search: the store is not open");
        return hits;
    }
    if (limit <= 0 || !query.hasPositive())
        return hits;
    if (cancel && cancel->load(std::memory_order_relaxed)) {
        if (cancelled)
            *cancelled = true;
        return hits;
    }

    const FilterSql where = filterSql(filters);
    ProgressGuard guard(db, cancel);
    Outcome outcome = Outcome::Ok;
    // Most records that contain every word of a query outrank those with only some of them, and
    // intersecting is far cheaper than scoring every record that has one common word.
    if (options.allTermsFirst) {
        const QString all = query.toFtsMatchAll();
        if (!all.isEmpty()) {
            outcome = runMatch(db, all, where, limit, options, &hits, error);
            if (outcome == Outcome::Ok && hits.size() >= limit)
                return hits;
        }
    }
    if (outcome == Outcome::Ok)
        outcome = runMatch(db, query.toFtsMatch(), where, limit, options, &hits, error);
    if (outcome == Outcome::Cancelled) {
        if (cancelled)
            *cancelled = true;
        hits.clear();
    } else if (outcome == Outcome::Failed) {
        hits.clear();
    }
    return hits;
}

int keywordMatchCount(Store &reader, const ParsedQuery &query, int cap)
{
    sqlite3 *db = reader.handle();
    const QString match = query.toFtsMatch();
    if (!db || match.isEmpty() || cap <= 0)
        return 0;
    Statement st;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM (SELECT rowid FROM records_fts WHERE records_fts MATCH ?1 LIMIT ?2)",
                           -1, &st.m_stmt, nullptr)
        != SQLITE_OK)
        return 0;
    const QByteArray matchUtf8 = match.toUtf8();
    sqlite3_bind_text(st.m_stmt, 1, matchUtf8.constData(), int(matchUtf8.size()), SQLITE_STATIC);
    sqlite3_bind_int(st.m_stmt, 2, cap);
    return sqlite3_step(st.m_stmt) == SQLITE_ROW ? sqlite3_column_int(st.m_stmt, 0) : 0;
}

} // namespace kms
