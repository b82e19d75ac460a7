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

class Store;

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
// a second, and at destruction). Queries read through a read-only connection of their own.
class SearchLog
{
public:
    explicit SearchLog(QString databasePath);
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
    Store *readConnection(QString *error); // under the lock readLock() returns
    std::unique_lock<std::mutex> readLock();
    void setError(const QString &error);

    QString m_path;
    bool m_inMemory = false;          // ":memory:": reads share the writer (a second one is empty)
    mutable std::mutex m_errorMutex;
    QString m_lastError;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::vector<SearchLogEntry> m_queue;
    bool m_stop = false;
    std::unique_ptr<Store> m_writer;  // used by the flushing thread and flush(), under m_writerMutex
    std::mutex m_writerMutex;
    std::unique_ptr<Store> m_reader;
    std::mutex m_readerMutex;
    std::thread m_thread;
};

} // namespace kms
