// SPDX-License-Identifier: MIT
#include "ingest/BatchIndexer.h"

#include "index/VectorIndex.h"
#include "log/Log.h"
#include "metrics/Metrics.h"

#include <spdlog/spdlog.h>

namespace kms {

BatchIndexer::BatchIndexer(Settings settings) : m_settings(std::move(settings))
{
    m_sinceSave.start();
}

BatchIndexer::~BatchIndexer()
{
    finish();
}

void BatchIndexer::start()
{
    m_sinceSave.restart();
    m_thread = std::thread([this] { loop(); });
}

void BatchIndexer::push(BatchOutcome &&outcome)
{
    std::unique_lock lock(m_mutex);
    m_cv.wait(lock, [&] { return int(m_queue.size()) < m_settings.queueLimit; });
    m_queue.push_back(std::move(outcome));
    m_cv.notify_all();
}

void BatchIndexer::finish()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void BatchIndexer::loop()
{
    for (;;) {
        BatchOutcome outcome;
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [&] { return !m_queue.empty() || m_closed; });
            if (m_queue.empty())
                break;
            outcome = std::move(m_queue.front());
            m_queue.pop_front();
            m_cv.notify_all();
        }
        apply(outcome);
    }
}

void BatchIndexer::apply(const BatchOutcome &outcome)
{
    VectorIndex &index = *m_settings.index;
    QElapsedTimer t;
    t.start();
    std::unique_lock<std::mutex> gate;
    if (m_settings.gate)
        gate = std::unique_lock(*m_settings.gate);
    std::vector<qint64> ids;
    std::vector<float> vectors;
    ids.reserve(outcome.indexChanges.size());
    vectors.reserve(outcome.indexChanges.size() * size_t(index.dimension()));
    for (const IndexChange &c : outcome.indexChanges) {
        if (m_settings.superseded && m_settings.superseded(c.id, outcome.seq))
            continue;
        if (m_settings.applied)
            m_settings.applied(c.id, outcome.seq);
        if (c.vector.empty()) {
            index.remove(c.id);
            continue;
        }
        ids.push_back(c.id);
        vectors.insert(vectors.end(), c.vector.begin(), c.vector.end());
    }
    QString error;
    if (!ids.empty() && !index.addBatch(ids, vectors, std::max(1, m_settings.threads), &error)) {
        // The batch is committed; the index is derived and will be caught up from the store when
        // it is next opened. Report it, do not stop the job.
        log::get("kms.core.index")->error("adding batch to the vector index failed: {}", error.toStdString());
    }
    if (gate.owns_lock())
        gate.unlock();
    if (m_settings.metrics)
        m_settings.metrics->recordStage(Stage::Index, t.nsecsElapsed() / 1000, qint64(ids.size()));
    if (m_settings.checkpoint && m_sinceSave.elapsed() > qint64(m_settings.checkpointSeconds) * 1000) {
        m_settings.checkpoint(outcome.seq);
        m_sinceSave.restart();
    }
}

} // namespace kms
