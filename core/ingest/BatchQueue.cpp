// SPDX-License-Identifier: MIT
#include "ingest/BatchQueue.h"

#include "metrics/Metrics.h"

namespace kms {

BatchQueue::BatchQueue(int capacity, const std::atomic<bool> *cancelled, Metrics *metrics)
    : m_capacity(std::max(1, capacity)), m_cancelled(cancelled), m_metrics(metrics)
{
}

bool BatchQueue::reserve()
{
    std::unique_lock lock(m_mutex);
    m_cv.wait(lock, [&] { return m_inFlight < m_capacity || stopped(); });
    if (stopped())
        return false;
    ++m_inFlight;
    if (m_metrics)
        m_metrics->setQueueDepth(m_inFlight);
    return true;
}

void BatchQueue::finishReading()
{
    {
        std::lock_guard lock(m_mutex);
        m_readerDone = true;
    }
    m_cv.notify_all();
}

void BatchQueue::put(PreparedBatch &&batch)
{
    {
        std::lock_guard lock(m_mutex);
        const qint64 sequence = batch.sequence;
        m_ready.emplace(sequence, std::move(batch));
    }
    m_cv.notify_all();
}

std::optional<PreparedBatch> BatchQueue::takeNext()
{
    std::unique_lock lock(m_mutex);
    m_cv.wait(lock, [&] {
        return stopped() || m_ready.count(m_nextToCommit) || (m_readerDone && m_inFlight == 0);
    });
    if (stopped())
        return std::nullopt;
    auto it = m_ready.find(m_nextToCommit);
    if (it == m_ready.end())
        return std::nullopt; // reader done and nothing in flight
    PreparedBatch batch = std::move(it->second);
    m_ready.erase(it);
    return batch;
}

void BatchQueue::committed()
{
    {
        std::lock_guard lock(m_mutex);
        ++m_nextToCommit;
        --m_inFlight;
        if (m_metrics)
            m_metrics->setQueueDepth(m_inFlight);
    }
    m_cv.notify_all();
}

void BatchQueue::fail(const QString &why)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_failed) {
            m_failed = true;
            m_error = why;
        }
    }
    m_cv.notify_all();
}

bool BatchQueue::failed() const
{
    std::lock_guard lock(m_mutex);
    return m_failed;
}

QString BatchQueue::error() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

void BatchQueue::wake()
{
    // Taking the mutex orders the caller's flag change before any waiter's next predicate check.
    { std::lock_guard lock(m_mutex); }
    m_cv.notify_all();
}

int BatchQueue::inFlight() const
{
    std::lock_guard lock(m_mutex);
    return m_inFlight;
}

} // namespace kms
