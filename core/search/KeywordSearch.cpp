// SPDX-License-Identifier: MIT
#include "search/KeywordSearch.h"

#include "search/FilterSql.h"
#include "storage/Store.h"

#include <sqlite3.h>

#include <algorithm>
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

Outcome failed(sqlite3 *db, int rc, const QString &what, QString *error)
{
    if (rc == SQLITE_INTERRUPT)
        return Outcome::Cancelled;
    if (error)
        *error = QStringLiteral("keyword search: %1 failed: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(db)));
    return Outcome::Failed;
}

// One ranked FTS5 statement. Filters, when present, join the records table in the same statement
// so LIMIT applies after filtering. afterRowid > 0 ranks only the matches newer than it.
Outcome runMatch(sqlite3 *db, const QString &match, const FilterSql &filters, qint64 afterRowid, int limit,
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
    if (afterRowid > 0)
        sql += QStringLiteral(" AND records_fts.rowid > ?2");
    if (filtered)
        sql += QStringLiteral(" AND (%1)").arg(filters.where);
    sql += QStringLiteral(" ORDER BY score LIMIT ?");

    Statement st;
    const QByteArray sqlUtf8 = sql.toUtf8();
    int rc = sqlite3_prepare_v2(db, sqlUtf8.constData(), int(sqlUtf8.size()), &st.m_stmt, nullptr);
    if (rc != SQLITE_OK)
        return failed(db, rc, QStringLiteral("preparing the query"), error);
    const QByteArray matchUtf8 = match.toUtf8();
    sqlite3_bind_text(st.m_stmt, 1, matchUtf8.constData(), int(matchUtf8.size()), SQLITE_STATIC);
    int next = 2;
    if (afterRowid > 0)
        sqlite3_bind_int64(st.m_stmt, next++, afterRowid);
    if (!bindAll(st.m_stmt, filters.params, next)
        || sqlite3_bind_int(st.m_stmt, next + int(filters.params.size()), limit) != SQLITE_OK)
        return failed(db, SQLITE_ERROR, QStringLiteral("binding the filters"), error);
    hits->clear();
    while ((rc = sqlite3_step(st.m_stmt)) == SQLITE_ROW)
        hits->append(KeywordHit{sqlite3_column_int64(st.m_stmt, 0), -sqlite3_column_double(st.m_stmt, 1)});
    if (rc == SQLITE_DONE)
        return Outcome::Ok;
    return failed(db, rc, QStringLiteral("the query '%1'").arg(match), error);
}

// Matching rows of each part, counted up to `cap` (so a common word costs at most cap steps).
Outcome countParts(sqlite3 *db, const QStringList &parts, int cap, QList<int> *counts, QString *error)
{
    Statement st;
    int rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM (SELECT 1 FROM records_fts WHERE records_fts MATCH ?1 LIMIT ?2)",
                                -1, &st.m_stmt, nullptr);
    if (rc != SQLITE_OK)
        return failed(db, rc, QStringLiteral("counting matches"), error);
    for (const QString &part : parts) {
        const QByteArray utf8 = part.toUtf8();
        sqlite3_reset(st.m_stmt);
        sqlite3_bind_text(st.m_stmt, 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int(st.m_stmt, 2, cap);
        rc = sqlite3_step(st.m_stmt);
        if (rc != SQLITE_ROW)
            return failed(db, rc, QStringLiteral("counting matches of %1").arg(part), error);
        counts->append(sqlite3_column_int(st.m_stmt, 0));
    }
    return Outcome::Ok;
}

// The rowid below the `budget` newest matches, 0 when there are not more than that many.
Outcome newestWindow(sqlite3 *db, const QString &match, int budget, qint64 *afterRowid, QString *error)
{
    Statement st;
    int rc = sqlite3_prepare_v2(db, "SELECT rowid FROM records_fts WHERE records_fts MATCH ?1 ORDER BY rowid DESC "
                                    "LIMIT 1 OFFSET ?2",
                                -1, &st.m_stmt, nullptr);
    if (rc != SQLITE_OK)
        return failed(db, rc, QStringLiteral("finding the newest matches"), error);
    const QByteArray utf8 = match.toUtf8();
    sqlite3_bind_text(st.m_stmt, 1, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
    sqlite3_bind_int(st.m_stmt, 2, budget);
    rc = sqlite3_step(st.m_stmt);
    *afterRowid = rc == SQLITE_ROW ? sqlite3_column_int64(st.m_stmt, 0) : 0;
    if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        return Outcome::Ok;
    return failed(db, rc, QStringLiteral("finding the newest matches"), error);
}

Outcome search(sqlite3 *db, const ParsedQuery &query, const FilterSql &where, int limit,
               const KeywordSearchOptions &options, const std::atomic<bool> *cancel, QList<KeywordHit> *hits,
               QString *error)
{
    const QStringList parts = query.ftsPositiveParts();
    const int budget = options.scoreBudget;
    if (budget <= 0) {
        if (options.allTermsFirst && parts.size() > 1) {
            const Outcome o = runMatch(db, query.ftsMatchOf(parts, true), where, 0, limit, options, hits, error);
            if (o != Outcome::Ok || hits->size() >= limit)
                return o;
        }
        return runMatch(db, query.ftsMatchOf(parts, false), where, 0, limit, options, hits, error);
    }

    QList<int> counts;
    if (const Outcome o = countParts(db, parts, budget + 1, &counts, error); o != Outcome::Ok)
        return o;
    // An interrupted count can come back as a short count rather than an error: a part would then
    // look unmatched and be skipped below.
    if (cancel && cancel->load(std::memory_order_relaxed))
        return Outcome::Cancelled;
    QList<int> order(parts.size());
    for (int i = 0; i < order.size(); ++i)
        order[i] = i;
    // A part that matches nothing (a typo, a word the corpus lacks) can neither rank nor find a
    // record: it takes no share of the budget, or it would crowd out the words that do match.
    order.erase(std::remove_if(order.begin(), order.end(), [&](int i) { return counts[i] == 0; }), order.end());
    if (order.isEmpty()) {
        hits->clear();
        return Outcome::Ok;
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return counts[a] < counts[b]; });
    const int rarest = counts[order.front()];
    QStringList matching;
    for (int i : std::as_const(order))
        matching << parts[i];

    // Records with every part outrank most others, and there are at most `rarest` of them.
    // (Fewer than `limit` records have the rarest part: the AND pass cannot fill the page.)
    if (options.allTermsFirst && parts.size() > 1 && order.size() == parts.size() && rarest >= limit
        && rarest <= budget) {
        const Outcome o = runMatch(db, query.ftsMatchOf(parts, true), where, 0, limit, options, hits, error);
        if (o != Outcome::Ok || hits->size() >= limit)
            return o;
    }
    QStringList selected;
    qint64 rows = 0;
    for (int i : std::as_const(order)) {
        if (rows + counts[i] > budget)
            break;
        rows += counts[i];
        selected << parts[i];
    }
    if (!selected.isEmpty())
        return runMatch(db, query.ftsMatchOf(selected, false), where, 0, limit, options, hits, error);
    // Only common words: rank the newest matches.
    const QString all = query.ftsMatchOf(matching, false);
    qint64 after = 0;
    if (const Outcome o = newestWindow(db, all, budget, &after, error); o != Outcome::Ok)
        return o;
    return runMatch(db, all, where, after, limit, options, hits, error);
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
    const ProgressGuard guard(db, cancel);
    const Outcome outcome = search(db, query, filterSql(filters), limit, options, cancel, &hits, error);
    if (outcome == Outcome::Cancelled && cancelled)
        *cancelled = true;
    if (outcome != Outcome::Ok)
        hits.clear();
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
