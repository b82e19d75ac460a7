// SPDX-License-Identifier: MIT
#pragma once

#include "search/SearchTypes.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace kms {

class StorePool;

struct SearchLogEntry {
    qint64 timestampMs = 0;
    QString text;
    SearchMode mode = SearchMode::Hybrid;
    QString filtersJson;  // the filters as JSON text, "{}" when none
    int hits = 0;
    double latencyMs = 0;
};

struct QueryCount {
    QString text;
    qint64 count = 0;
    double meanLatencyMs = 0;
    QDateTime lastSeen;
};

struct LatencySummary {
    SearchMode mode = SearchMode::Hybrid;
    qint64 queries = 0;
    double p50Ms = 0, p95Ms = 0, p99Ms = 0;
};

// Search analytics in the store's search_log table. record() never blocks a search on the database:
// entries are queued and written by a background thread in one transaction per flush (about once
// a second, and at destruction) through the store's one writer. Queries use the read pool.
class SearchLog
{
public:
    explicit SearchLog(StorePool &stores); // must outlive this object
    ~SearchLog(); // flushes what is queued

    // Queues the entry; a zero timestamp means now. Drops it (and says so in lastError()) when the
    // queue is full because the database has been failing for a long time.
    void record(SearchLogEntry entry);
    bool flush(QString *error = nullptr); // writes the queue now (tests, shutdown)

    QList<QueryCount> topQueries(int limit, qint64 sinceMs = 0);
    QList<QueryCount> zeroResultQueries(int limit, qint64 sinceMs = 0);
    QList<LatencySummary> latency(qint64 sinceMs = 0);   // one row per mode that has queries
    QList<SearchLogEntry> recent(int limit);   // newest first

    // The last failure (opening, writing or reading), empty when none.
    QString lastError() const;

private:
    void run();
    QList<QueryCount> queryCounts(bool zeroHitsOnly, int limit, qint64 sinceMs);
    bool writeEntries(const std::vector<SearchLogEntry> &entries, QString *error);
    void setError(const QString &error);

    StorePool &m_stores;
    mutable std::mutex m_errorMutex;
    QString m_lastError;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::vector<SearchLogEntry> m_queue;
    bool m_stop = false;
    std::mutex m_flushMutex;          // keeps concurrent flushes in record order
    std::thread m_thread;
};

} // namespace kms
