// SPDX-License-Identifier: MIT
#include "search/SearchLog.h"

#include "search/Evaluation.h"
#include "storage/Store.h"

#include <QDateTime>

#include <sqlite3.h>

#include <array>
#include <chrono>
#include <string>
#include <utility>

namespace kms {

namespace {

using namespace std::chrono_literals;

constexpr auto kFlushInterval = 1s;
// About 50 MB of entries: beyond it the database has been failing for long and analytics give way.
constexpr size_t kMaxQueued = 200000;
const QString kMemoryPath = QStringLiteral(":memory:");
constexpr std::array kModes = {SearchMode::Keyword, SearchMode::Vector, SearchMode::Hybrid};

struct StatementDeleter {
    void operator()(sqlite3_stmt *s) const { sqlite3_finalize(s); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

QString sqlError(sqlite3 *db, const char *what)
{
    return QStringLiteral("search log: %1: %2").arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(db)));
}

StatementPtr prepare(sqlite3 *db, const char *sqlText, QString *error)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, sqlText, -1, &stmt, nullptr) != SQLITE_OK) {
        *error = sqlError(db, "cannot prepare a query");
        sqlite3_finalize(stmt);
        return nullptr;
    }
    return StatementPtr(stmt);
}

QString columnText(sqlite3_stmt *s, int i)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(s, i));
    return text ? QString::fromUtf8(text, sqlite3_column_bytes(s, i)) : QString();
}

void bindText(sqlite3_stmt *s, int i, const QString &v)
{
    sqlite3_bind_text16(s, i, v.utf16(), int(v.size() * sizeof(char16_t)), SQLITE_STATIC);
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

bool registerFunctions(sqlite3 *db, QString *error)
{
    if (sqlite3_create_function_v2(db, "kms_query_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   nullptr, queryKeyFunction, nullptr, nullptr, nullptr)
        == SQLITE_OK)
        return true;
    *error = sqlError(db, "cannot register kms_query_key");
    return false;
}

} // namespace

SearchLog::SearchLog(QString databasePath)
    : m_path(std::move(databasePath))
    , m_inMemory(m_path == kMemoryPath)
{
    QString error;
    // The writer opens first: it creates and migrates the file the read-only connection needs.
    m_writer = Store::open(m_path, Store::Mode::ReadWrite, &error);
    if (!m_writer)
        setError(QStringLiteral("search log: %1").arg(error));
    else if (m_inMemory && !registerFunctions(m_writer->handle(), &error))
        setError(error);
    m_thread = std::thread([this] { run(); });
}

SearchLog::~SearchLog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    m_thread.join();
    flush();
}

void SearchLog::record(SearchLogEntry entry)
{
    if (entry.timestampMs == 0)
        entry.timestampMs = QDateTime::currentMSecsSinceEpoch();
    if (entry.filtersJson.isEmpty())
        entry.filtersJson = QStringLiteral("{}");
    bool dropped = false;
    bool wasEmpty = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.size() >= kMaxQueued) {
            dropped = true;
        } else {
            wasEmpty = m_queue.empty();
            m_queue.push_back(std::move(entry));
        }
    }
    if (dropped)
        setError(QStringLiteral("search log: queue full (%1 entries not written), dropping new entries")
                     .arg(kMaxQueued));
    else if (wasEmpty)
        m_cv.notify_one();
}

void SearchLog::run()
{
    auto lastFlush = std::chrono::steady_clock::now();
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        m_cv.wait(lock, [this] { return m_stop || !m_queue.empty(); });
        // Collect for the rest of the interval: a burst of searches becomes one transaction.
        m_cv.wait_until(lock, lastFlush + kFlushInterval, [this] { return m_stop; });
        if (m_stop)
            break; // the destructor flushes what is left
        lock.unlock();
        flush();
        lastFlush = std::chrono::steady_clock::now();
        lock.lock();
    }
}

bool SearchLog::flush(QString *error)
{
    // Taking the queue under the writer lock keeps concurrent flushes in record order.
    std::lock_guard writerLock(m_writerMutex);
    std::vector<SearchLogEntry> batch;
    {
        std::lock_guard lock(m_mutex);
        batch.swap(m_queue);
    }
    if (batch.empty())
        return true;
    QString why;
    if (writeEntries(batch, &why))
        return true;
    {
        // Keep them for the next attempt, oldest first, within the cap.
        std::lock_guard lock(m_mutex);
        batch.insert(batch.end(), std::make_move_iterator(m_queue.begin()), std::make_move_iterator(m_queue.end()));
        if (batch.size() > kMaxQueued)
            batch.erase(batch.begin(), batch.begin() + std::ptrdiff_t(batch.size() - kMaxQueued));
        m_queue.swap(batch);
    }
    setError(why);
    if (error)
        *error = why;
    return false;
}

bool SearchLog::writeEntries(const std::vector<SearchLogEntry> &entries, QString *error)
{
    if (!m_writer) {
        // The file may have become writable since (a directory created, a disk freed).
        QString openError;
        m_writer = Store::open(m_path, Store::Mode::ReadWrite, &openError);
        if (!m_writer) {
            *error = QStringLiteral("search log: %1").arg(openError);
            return false;
        }
        if (m_inMemory && !registerFunctions(m_writer->handle(), error))
            return false;
    }
    sqlite3 *db = m_writer->handle();
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
        *error = sqlError(db, "cannot start a write transaction");
        return false;
    }
    bool ok = false;
    {
        StatementPtr insert = prepare(db,
                                      "INSERT INTO search_log (ts, text, mode, filters, hits, latency_ms) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                      error);
        ok = insert != nullptr;
        for (size_t i = 0; ok && i < entries.size(); ++i) {
            const SearchLogEntry &e = entries[i];
            const QString mode = searchModeName(e.mode);
            sqlite3_stmt *s = insert.get();
            sqlite3_bind_int64(s, 1, e.timestampMs);
            bindText(s, 2, e.text);
            bindText(s, 3, mode);
            bindText(s, 4, e.filtersJson);
            sqlite3_bind_int(s, 5, e.hits);
            sqlite3_bind_double(s, 6, e.latencyMs);
            ok = sqlite3_step(s) == SQLITE_DONE;
            if (!ok)
                *error = sqlError(db, "cannot insert an entry");
            sqlite3_reset(s);
        }
    }
    if (ok && sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        *error = sqlError(db, "commit failed");
        ok = false;
    }
    if (!ok && !sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return ok;
}

std::unique_lock<std::mutex> SearchLog::readLock()
{
    return std::unique_lock(m_inMemory ? m_writerMutex : m_readerMutex);
}

Store *SearchLog::readConnection(QString *error)
{
    if (m_inMemory) {
        if (!m_writer)
            *error = QStringLiteral("search log: the in-memory database could not be opened");
        return m_writer.get();
    }
    if (!m_reader) {
        QString openError;
        auto reader = Store::open(m_path, Store::Mode::ReadOnly, &openError);
        if (!reader) {
            *error = QStringLiteral("search log: %1").arg(openError);
            return nullptr;
        }
        if (!registerFunctions(reader->handle(), error))
            return nullptr;
        m_reader = std::move(reader);
    }
    return m_reader.get();
}

QList<QueryCount> SearchLog::topQueries(int limit, qint64 sinceMs)
{
    return queryCounts(false, limit, sinceMs);
}

QList<QueryCount> SearchLog::zeroResultQueries(int limit, qint64 sinceMs)
{
    return queryCounts(true, limit, sinceMs);
}

QList<QueryCount> SearchLog::queryCounts(bool zeroHitsOnly, int limit, qint64 sinceMs)
{
    QList<QueryCount> out;
    if (limit <= 0)
        return out;
    auto lock = readLock();
    QString error;
    Store *store = readConnection(&error);
    // Blank queries (filter-only browsing) are not queries anyone typed; they are left out.
    StatementPtr s = store ? prepare(store->handle(),
                                     "SELECT kms_query_key(text) AS q, count(*) AS n, avg(latency_ms), max(ts) "
                                     "FROM search_log WHERE ts >= ?1 AND (?3 = 0 OR hits = 0) "
                                     "GROUP BY q HAVING q <> '' ORDER BY n DESC, max(ts) DESC, q LIMIT ?2",
                                     &error)
                           : nullptr;
    if (!s) {
        setError(error);
        return out;
    }
    sqlite3_bind_int64(s.get(), 1, sinceMs);
    sqlite3_bind_int(s.get(), 2, limit);
    sqlite3_bind_int(s.get(), 3, zeroHitsOnly ? 1 : 0);
    int rc;
    while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
        QueryCount q;
        q.text = columnText(s.get(), 0);
        q.count = sqlite3_column_int64(s.get(), 1);
        q.meanLatencyMs = sqlite3_column_double(s.get(), 2);
        q.lastSeen = QDateTime::fromMSecsSinceEpoch(sqlite3_column_int64(s.get(), 3), Qt::UTC);
        out.append(std::move(q));
    }
    if (rc != SQLITE_DONE)
        setError(sqlError(store->handle(), "cannot read the query counts"));
    return out;
}

QList<LatencySummary> SearchLog::latency(qint64 sinceMs)
{
    QList<LatencySummary> out;
    std::array<std::vector<double>, kModes.size()> values;
    {
        auto lock = readLock();
        QString error;
        Store *store = readConnection(&error);
        StatementPtr s = store ? prepare(store->handle(),
                                         "SELECT mode, latency_ms FROM search_log WHERE ts >= ?1", &error)
                               : nullptr;
        if (!s) {
            setError(error);
            return out;
        }
        sqlite3_bind_int64(s.get(), 1, sinceMs);
        int rc;
        while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
            const auto *name = reinterpret_cast<const char *>(sqlite3_column_text(s.get(), 0));
            const auto mode = searchModeFromName(QString::fromUtf8(name ? name : ""));
            if (mode) // rows of a mode this version does not know are not summarised
                values[size_t(*mode)].push_back(sqlite3_column_double(s.get(), 1));
        }
        if (rc != SQLITE_DONE) {
            setError(sqlError(store->handle(), "cannot read the latencies"));
            return out;
        }
    }
    for (SearchMode mode : kModes) {
        std::vector<double> &v = values[size_t(mode)];
        if (v.empty())
            continue;
        LatencySummary summary;
        summary.mode = mode;
        summary.queries = qint64(v.size());
        summary.p50Ms = percentile(v, 0.50);
        summary.p95Ms = percentile(v, 0.95);
        summary.p99Ms = percentile(v, 0.99);
        out.append(summary);
    }
    return out;
}

QList<SearchLogEntry> SearchLog::recent(int limit)
{
    QList<SearchLogEntry> out;
    if (limit <= 0)
        return out;
    auto lock = readLock();
    QString error;
    Store *store = readConnection(&error);
    StatementPtr s = store ? prepare(store->handle(),
                                     "SELECT ts, text, mode, filters, hits, latency_ms FROM search_log "
                                     "ORDER BY ts DESC, id DESC LIMIT ?1",
                                     &error)
                           : nullptr;
    if (!s) {
        setError(error);
        return out;
    }
    sqlite3_bind_int(s.get(), 1, limit);
    int rc;
    while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
        SearchLogEntry e;
        e.timestampMs = sqlite3_column_int64(s.get(), 0);
        e.text = columnText(s.get(), 1);
        e.mode = searchModeFromName(columnText(s.get(), 2)).value_or(SearchMode::Hybrid);
        e.filtersJson = columnText(s.get(), 3);
        e.hits = sqlite3_column_int(s.get(), 4);
        e.latencyMs = sqlite3_column_double(s.get(), 5);
        out.append(std::move(e));
    }
    if (rc != SQLITE_DONE)
        setError(sqlError(store->handle(), "cannot read the recent searches"));
    return out;
}

QString SearchLog::lastError() const
{
    std::lock_guard lock(m_errorMutex);
    return m_lastError;
}

void SearchLog::setError(const QString &error)
{
    std::lock_guard lock(m_errorMutex);
    m_lastError = error;
}

} // namespace kms
