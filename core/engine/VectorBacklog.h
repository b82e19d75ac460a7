// SPDX-License-Identifier: MIT
#pragma once

#include "embed/Embedder.h"
#include "storage/Store.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace kms {

class Normalizer;
class StorePool;

// Where the vector backlog stands (health, stats, tests).
struct VectorBacklogStatus {
    qint64 pending = 0;        // records without a vector, as last counted
    qint64 filled = 0;         // records given a vector since the engine opened
    qint64 attempts = 0;       // pages tried
    int failuresInARow = 0;    // pages that failed since the last clean one
    qint64 retryInMs = 0;      // the current backoff; 0 when not backing off
    QString lastError;         // the embedder's last message, empty after a clean page
};

// The background worker that fills the vector backlog: records stored without a vector because
// the embedder failed while they were ingested (Store::vectorBacklogPage). It embeds them a page at
// a time with the current embedder, writes the vectors through the store's one writer
// (Store::fillVectors) and hands them to the index the way a job's indexer does. A page that fails
// is retried with exponential backoff (firstRetry, doubled per failure up to maxRetry), so an
// embedder that stays down costs a call now and then, not a spinning thread; new failures from a
// running job only make it recount, they do not cut a backoff short.
class VectorBacklog
{
public:
    struct Settings {
        StorePool *stores = nullptr;
        const Normalizer *normalizer = nullptr;
        std::function<std::shared_ptr<const Embedder>()> embedder; // the current one
        // Puts a filled page's vectors into the index (the engine: the same path as a job's).
        std::function<void(const BatchOutcome &)> index;
        // True while the vectors must not change (a rebuild or re-embed runs): the page waits.
        std::function<bool()> holdOff;
        int pageSize = 256;
        std::chrono::milliseconds firstRetry{1000};
        std::chrono::milliseconds maxRetry{std::chrono::minutes(5)};
    };

    explicit VectorBacklog(Settings settings);
    ~VectorBacklog(); // stop()

    void start();
    void stop();
    // Records may have joined the backlog (a batch stored some without a vector), or the embedder
    // changed: count again and, unless backing off, fill.
    void wake();
    // Ends a backoff now (the embedder was fixed): the next page is tried at once.
    void retryNow();

    // One page on the calling thread: read, embed, write, index. What the thread runs each time.
    struct Pass {
        qint64 read = 0;       // records of the page
        qint64 filled = 0;     // records given a vector
        qint64 failed = 0;     // records whose text the embedder did not embed
        QString error;         // the embedder's or the store's message when anything failed
        bool ok() const { return error.isEmpty(); }
    };
    Pass fillPage();

    VectorBacklogStatus status() const;
    // Counts again (a query through a read connection); -1 on error.
    qint64 recount();

private:
    void loop();

    Settings m_settings;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    std::atomic<bool> m_cancel{false}; // stop(): a slow or remote embedder gives up the page

    bool m_woken = false;
    bool m_retryNow = false;
    qint64 m_cursor = 0;       // last record id tried: pages walk the backlog, then start over
    VectorBacklogStatus m_status;
    std::thread m_thread;
};

} // namespace kms
