// SPDX-License-Identifier: MIT
// SearchLogTable: the search analytics' statements.
#include "storage/SearchLogTable.h"
#include "storage/StoreSql.h"

#include <string>

namespace kms {

namespace {

QString failure(sqlite3 *db, const char *what)
{
    return QStringLiteral("search log: %1: %2").arg(QLatin1String(what), sql::errorOf(db));
}

// kms_query_key(text): the form queries are grouped by. Case-folded, trimmed, inner whitespace
// collapsed, so "VPN  error " and "vpn error" count as one query. SQLite's lower() only folds ASCII;
// this handles any script, with a byte loop for the common all-ASCII case.
void queryKeyFunction(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto *text = sqlite3_value_text(argv[0]);
    if (!text) {
        sqlite3_result_null(ctx);
        return;
    }
    const int size = sqlite3_value_bytes(argv[0]);
    std::string key;
    key.reserve(size_t(size));
    bool pendingSpace = false;
    for (int i = 0; i < size; ++i) {
        const unsigned char c = text[i];
        if (c >= 0x80) {
            const QByteArray folded =
                QString::fromUtf8(reinterpret_cast<const char *>(text), size).simplified().toCaseFolded().toUtf8();
            sqlite3_result_text(ctx, folded.constData(), int(folded.size()), SQLITE_TRANSIENT);
            return;
        }
        if (c == ' ' || (c >= '\t' && c <= '\r')) {
            pendingSpace = !key.empty();
            continue;
        }
        if (pendingSpace) {
            key.push_back(' ');
            pendingSpace = false;
        }
        key.push_back(c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : char(c));
    }
    sqlite3_result_text(ctx, key.data(), int(key.size()), SQLITE_TRANSIENT);
}

} // namespace

bool sql::registerQueryKeyFunction(sqlite3 *db)
{
    return sqlite3_create_function_v2(db, "kms_query_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                      nullptr, queryKeyFunction, nullptr, nullptr, nullptr)
        == SQLITE_OK;
}

bool SearchLogTable::append(const std::vector<SearchLogRow> &rows)
{
    sqlite3 *db = m_store.m_db;
    sql::Statement insert("INSERT INTO search_log (ts, text, mode, filters, hits, latency_ms) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert.prepare(db, nullptr, false)) {
        m_error = failure(db, "cannot prepare a query");
        return false;
    }
    const bool ok = m_store.writeTransaction([&] {
        for (const SearchLogRow &e : rows) {
            sql::Query q(insert);
            q.bind(1, e.timestampMs).bindText(2, e.text).bindText(3, e.mode).bindText(4, e.filtersJson);
            q.bind(5, e.hits).bind(6, e.latencyMs);
            const int rc = q.step();
            if (rc != SQLITE_DONE) {
                m_error = failure(db, "cannot insert an entry");
                return rc;
            }
        }
        return int(SQLITE_OK);
    });
    if (!ok && m_error.isEmpty())
        m_error = QStringLiteral("search log: %1").arg(m_store.lastError());
    return ok;
}

bool SearchLogTable::queryCounts(bool zeroHitsOnly, int limit, qint64 sinceMs, QList<QueryCountRow> *out)
{
    sqlite3 *db = m_store.m_db;
    sql::Statement st("SELECT kms_query_key(text) AS q, count(*) AS n, avg(latency_ms), max(ts) "
                      "FROM search_log WHERE ts >= ?1 AND (?3 = 0 OR hits = 0) "
                      "GROUP BY q HAVING q <> '' ORDER BY n DESC, max(ts) DESC, q LIMIT ?2");
    if (!st.prepare(db, nullptr, false)) {
        m_error = failure(db, "cannot prepare a query");
        return false;
    }
    sql::Query q(st);
    q.bind(1, sinceMs).bind(2, limit).bind(3, zeroHitsOnly ? 1 : 0);
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        out->append(QueryCountRow{q.text(0), q.int64(1), q.real(2), q.time(3)});
    if (rc == SQLITE_DONE)
        return true;
    m_error = failure(db, "cannot read the query counts");
    return false;
}

bool SearchLogTable::latencies(qint64 sinceMs, const std::function<void(const QString &, double)> &fn)
{
    sqlite3 *db = m_store.m_db;
    sql::Statement st("SELECT mode, latency_ms FROM search_log WHERE ts >= ?1");
    if (!st.prepare(db, nullptr, false)) {
        m_error = failure(db, "cannot prepare a query");
        return false;
    }
    sql::Query q(st);
    q.bind(1, sinceMs);
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        fn(q.text(0), q.real(1));
    if (rc == SQLITE_DONE)
        return true;
    m_error = failure(db, "cannot read the latencies");
    return false;
}

bool SearchLogTable::recent(int limit, QList<SearchLogRow> *out)
{
    sqlite3 *db = m_store.m_db;
    sql::Statement st("SELECT ts, text, mode, filters, hits, latency_ms FROM search_log "
                      "ORDER BY ts DESC, id DESC LIMIT ?1");
    if (!st.prepare(db, nullptr, false)) {
        m_error = failure(db, "cannot prepare a query");
        return false;
    }
    sql::Query q(st);
    q.bind(1, limit);
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        out->append(SearchLogRow{q.int64(0), q.text(1), q.text(2), q.text(3), q.int32(4), q.real(5)});
    if (rc == SQLITE_DONE)
        return true;
    m_error = failure(db, "cannot read the recent searches");
    return false;
}

} // namespace kms
