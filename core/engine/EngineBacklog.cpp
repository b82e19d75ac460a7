// SPDX-License-Identifier: MIT
// The vector backlog: records a failing embedder left without a vector, filled in the background.
#include "engine/Engine.h"
#include "engine/EngineInternals.h"

#include "engine/VectorBacklog.h"
#include "ingest/BatchIndexer.h"
#include "index/VectorIndex.h"

namespace kms {

void Engine::startVectorBacklog()
{
    VectorBacklog::Settings s;
    s.stores = m_stores.get();
    s.normalizer = m_normalizer.get();
    s.embedder = [this] { return currentEmbedder(); };
    // The path a job's indexer takes: under the index gate, skipping records an edit changed
    // since, and noted like an edit so a job's older batch cannot undo it.
    s.index = [this](const BatchOutcome &outcome) {
        const std::shared_ptr<VectorIndex> index = currentIndex();
        BatchIndexer::Settings is;
        is.index = index.get();
        is.gate = &m_directChangesMutex;
        is.superseded = [this](qint64 id, qint64 seq) { return isSupersededIndexChange(id, seq); };
        is.applied = [this](qint64 id, qint64 seq) { noteDirectIndexChange(id, seq); };
        BatchIndexer(is).apply(outcome);
    };
    s.holdOff = [this] { return m_maintenanceRunning.load(); };
    m_backlog = std::make_unique<VectorBacklog>(std::move(s));
    m_backlog->start();
}

qint64 Engine::vectorBacklog()
{
    return m_backlog ? m_backlog->recount() : withReader([](Store &s) { return s.vectorBacklogCount(); });
}

void Engine::retryVectorBacklog()
{
    if (m_backlog)
        m_backlog->retryNow();
}

} // namespace kms
