// SPDX-License-Identifier: MIT
#pragma once

// The services behind the Engine facade, for core code that composes them (the benchmark) and for
// tests that check what a verb did to the index, the queue or the cache. Front ends never include
// this header: the CTest `layers_confined` fails if ui/ or app/ does. Everything a front end needs
// is a verb on Engine itself.

#include "engine/Engine.h"
#include "ingest/JobScheduler.h"
#include "search/SearchEngine.h"
#include "storage/Store.h"
#include "storage/StorePool.h"

namespace kms {

class EngineInternals
{
public:
    explicit EngineInternals(Engine &engine) : m_engine(engine) {}

    const DataDirectory &dataDirectory() const { return *m_engine.m_dir; }
    const Normalizer &normalizer() const { return *m_engine.m_normalizer; }
    // Valid until applyConfig() replaces the embedder or the index; code that runs while that may
    // happen holds currentEmbedder() / currentIndex() / vectorSpace() instead.
    const Embedder &embedder() const { return *m_engine.currentEmbedder(); }
    std::shared_ptr<const Embedder> currentEmbedder() const { return m_engine.currentEmbedder(); }
    VectorIndex &index() const { return *m_engine.currentIndex(); }
    std::shared_ptr<VectorIndex> currentIndex() const { return m_engine.currentIndex(); }
    VectorSpace vectorSpace() const { return m_engine.vectorSpace(); }
    EmbeddingCache &cache() const { return *m_engine.m_cache; }
    Metrics &metrics() const { return *m_engine.m_metrics; }
    SearchEngine &search() const { return *m_engine.m_search; }
    SearchLog &searchLog() const { return *m_engine.m_searchLog; }
    JobScheduler &scheduler() const { return *m_engine.m_scheduler; }
    // Runs f with a read connection of the pool.
    template<typename F> auto withReader(F &&f) const { return m_engine.withReader(std::forward<F>(f)); }
    // Runs f with the store's one writer.
    template<typename F> auto withWriter(F &&f) const { return m_engine.m_stores->write(std::forward<F>(f)); }

private:
    Engine &m_engine;
};

template<typename F> auto Engine::withReader(F &&f)
{
    return m_stores->read(std::forward<F>(f));
}

inline EngineInternals internals(Engine &engine)
{
    return EngineInternals(engine);
}

} // namespace kms
