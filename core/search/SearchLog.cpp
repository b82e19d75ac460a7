// SPDX-License-Identifier: MIT
#include "search/SearchLog.h"

#include "search/Evaluation.h"
#include "storage/SearchLogTable.h"
#include "storage/StorePool.h"

#include <QDateTime>

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
constexpr std::array kModes = {SearchMode::Keyword, SearchMode::Vector, SearchMode::Hybrid};

} // namespace

SearchLog::SearchLog(StorePool &stores) : m_stores(stores)
{
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
    // Taking the queue under the flush lock keeps concurrent flushes in record order.
    std::lock_guard flushLock(m_flushMutex);
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
    std::vector<SearchLogRow> rows;
    rows.reserve(entries.size());
    for (const SearchLogEntry &e : entries)
        rows.push_back({e.timestampMs, e.text, searchModeName(e.mode), e.filtersJson, e.hits, e.latencyMs});
    return m_stores.write([&](Store &writer) {
        SearchLogTable table(writer);
        if (table.append(rows))
            return true;
        *error = table.error();
        return false;
    });
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
    QList<QueryCountRow> rows;
    {
        auto reader = m_stores.reader();
        if (SearchLogTable table(*reader); !table.queryCounts(zeroHitsOnly, limit, sinceMs, &rows))
            setError(table.error());
    }
    for (const QueryCountRow &r : std::as_const(rows))
        out.append(QueryCount{r.text, r.count, r.meanLatencyMs, r.lastSeen});
    return out;
}

QList<LatencySummary> SearchLog::latency(qint64 sinceMs)
{
    QList<LatencySummary> out;
    std::array<std::vector<double>, kModes.size()> values;
    {
        auto reader = m_stores.reader();
        SearchLogTable table(*reader);
        const bool ok = table.latencies(sinceMs, [&](const QString &name, double ms) {
            if (const auto mode = searchModeFromName(name)) // modes this version does not know are skipped
                values[size_t(*mode)].push_back(ms);
        });
        if (!ok) {
            setError(table.error());
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
    QList<SearchLogRow> rows;
    {
        auto reader = m_stores.reader();
        if (SearchLogTable table(*reader); !table.recent(limit, &rows))
            setError(table.error());
    }
    for (const SearchLogRow &r : std::as_const(rows))
        out.append(SearchLogEntry{r.timestampMs, r.text, searchModeFromName(r.mode).value_or(SearchMode::Hybrid),
                                  r.filtersJson, r.hits, r.latencyMs});
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
