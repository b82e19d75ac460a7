// SPDX-License-Identifier: MIT
// The engine's vector index: opening (verify, catch up or rebuild from the store), saving, the
// rebuild on request and the integrity check. Engine.cpp has the rest.
#include "engine/Engine.h"

#include "embed/HashEmbedder.h"
#include "index/VectorIndex.h"
#include "log/Log.h"
#include "storage/DataDirectory.h"

#include <spdlog/spdlog.h>

namespace kms {

// source: the shared reader (its mutex held by the caller) or a connection of the caller's own.
bool Engine::fillIndex(Store &source, VectorIndex &index, qint64 afterSeq,
                       const std::function<void(qint64, qint64)> &progress, const std::atomic<bool> *cancel,
                       qint64 *added, QString *error)
{
    const int dim = m_embedder->dimension();
    const int threads = m_config.effectiveWorkers();
    const qint64 total = source.counts().total();
    std::vector<qint64> ids;
    std::vector<float> vectors;
    bool ok = true;
    auto flush = [&] {
        if (ids.empty())
            return true;
        if (!index.addBatch(ids, vectors, threads, error))
            return false;
        *added += qint64(ids.size());
        ids.clear();
        vectors.clear();
        if (progress)
            progress(*added, total);
        return true;
    };
    const bool walked = source.forEachVector(afterSeq, [&](qint64 id, std::span<const float> v) {
        if (cancel && cancel->load())
            return false;
        if (int(v.size()) != dim)
            return true; // a vector of another shape cannot be indexed; health reports the count gap
        ids.push_back(id);
        vectors.insert(vectors.end(), v.begin(), v.end());
        if (ids.size() >= 2048 && !flush()) {
            ok = false;
            return false;
        }
        return true;
    });
    if (!walked && ok && !(cancel && cancel->load())) {
        if (error)
            *error = source.lastError();
        return false;
    }
    return ok && flush();
}

bool Engine::openIndex(QString *error)
{
    auto logger = log::get("kms.core.index");
    const HnswParams params{m_config.hnswM, m_config.hnswEfConstruction, m_config.hnswEfSearch};
    const qint64 dbWatermark = m_reader->watermark();
    const qint64 dbCount = m_reader->counts().total();
    auto loaded = VectorIndex::load(m_dir->indexPath(), m_embedder->dimension(), m_embedder->id(), params);

    bool rebuild = loaded.status != IndexLoadStatus::Loaded;
    QString why = loaded.message;
    if (!rebuild && loaded.index->params().M != params.M) {
        rebuild = true;
        why = QStringLiteral("HNSW M changed from %1 to %2").arg(loaded.index->params().M).arg(params.M);
    }
    if (!rebuild && loaded.watermark > dbWatermark) {
        rebuild = true; // a file from the future belongs to another database
        why = QStringLiteral("index watermark %1 is ahead of the database (%2)").arg(loaded.watermark).arg(dbWatermark);
    }
    if (!rebuild) {
        m_index = std::move(loaded.index);
        m_index->setEfSearch(params.efSearch);
        std::lock_guard guard(m_readerMutex);
        if (loaded.watermark < dbWatermark) {
            // Deletes first: a rowid freed by a delete may come back for a new record.
            for (qint64 id : m_reader->deletedSince(loaded.watermark))
                m_indexReport.removed += m_index->remove(id) ? 1 : 0;
        }
        if (loaded.watermark < dbWatermark
            && !fillIndex(*m_reader, *m_index, loaded.watermark, {}, nullptr, &m_indexReport.added, error))
            return false;
        if (m_index->size() != dbCount) {
            rebuild = true;
            why = QStringLiteral("index holds %1 vectors after catching up, the database %2 records")
                      .arg(m_index->size()).arg(dbCount);
        } else if (loaded.watermark < dbWatermark) {
            m_indexReport.action = IndexOpenReport::Action::CaughtUp;
            m_indexReport.message = QStringLiteral("caught up from watermark %1 to %2 (+%3 vectors, -%4)")
                                        .arg(loaded.watermark).arg(dbWatermark)
                                        .arg(m_indexReport.added).arg(m_indexReport.removed);
        } else {
            m_indexReport.message = QStringLiteral("verified, %1 vectors").arg(m_index->size());
            m_indexSavedWatermark = loaded.watermark;
        }
    }
    if (rebuild) {
        m_indexReport = {};
        m_indexReport.action = IndexOpenReport::Action::Rebuilt;
        m_index = std::make_unique<VectorIndex>(m_embedder->dimension(), m_embedder->id(), params,
                                                size_t(std::max<qint64>(dbCount, 1024)));
        std::lock_guard guard(m_readerMutex);
        if (!fillIndex(*m_reader, *m_index, 0, {}, nullptr, &m_indexReport.added, error))
            return false;
        m_indexReport.message = QStringLiteral("rebuilt from the database (%1 vectors): %2")
                                    .arg(m_indexReport.added).arg(why);
    }
    if (m_indexReport.action != IndexOpenReport::Action::Verified || loaded.status == IndexLoadStatus::Missing) {
        if (dbCount > 0 || loaded.status != IndexLoadStatus::Missing)
            logger->warn("vector index {}", m_indexReport.message.toStdString());
        saveIndexAt(dbWatermark);
    } else {
        logger->info("vector index {}", m_indexReport.message.toStdString());
    }
    return true;
}

void Engine::saveIndexAt(qint64 watermark)
{
    std::lock_guard guard(m_indexSaveMutex);
    if (watermark == m_indexSavedWatermark)
        return;
    QString error;
    if (currentIndex()->save(m_dir->indexPath(), watermark, &error))
        m_indexSavedWatermark = watermark;
    else
        log::get("kms.core.index")->error("saving the vector index failed: {}", error.toStdString());
}

bool Engine::saveIndex(QString *error)
{
    qint64 watermark = 0;
    {
        std::lock_guard guard(m_writerMutex);
        watermark = m_writer->watermark();
    }
    std::lock_guard guard(m_indexSaveMutex);
    if (watermark == m_indexSavedWatermark)
        return true;
    if (!currentIndex()->save(m_dir->indexPath(), watermark, error))
        return false;
    m_indexSavedWatermark = watermark;
    return true;
}

namespace {
// Keeps queued jobs from starting while index maintenance runs (see JobScheduler::holdJobs).
class JobHold
{
public:
    explicit JobHold(JobScheduler &s) : m_scheduler(s), m_held(s.holdJobs()) {}
    ~JobHold()
    {
        if (m_held)
            m_scheduler.releaseJobs();
    }
    JobHold(const JobHold &) = delete;
    JobHold &operator=(const JobHold &) = delete;
    explicit operator bool() const { return m_held; }

private:
    JobScheduler &m_scheduler;
    bool m_held;
};
} // namespace

bool Engine::rebuildIndex(const std::function<void(qint64, qint64)> &progress, const std::atomic<bool> *cancel,
                          QString *error)
{
    // Replacing the live index while a job adds to it would lose its vectors (and the job holds a
    // pointer to it): no job may start until the new index is in place.
    JobHold hold(*m_scheduler);
    if (!hold) {
        if (error)
            *error = QStringLiteral("an ingestion job is running; rebuild the index when it has finished");
        return false;
    }
    // Its own read connection, so page queries and health go on while it reads every vector.
    auto source = Store::open(m_dir->databasePath(), Store::Mode::ReadOnly, error);
    if (!source)
        return false;
    const HnswParams params{m_config.hnswM, m_config.hnswEfConstruction, m_config.hnswEfSearch};
    const qint64 watermark = source->watermark();
    auto fresh = std::make_unique<VectorIndex>(m_embedder->dimension(), m_embedder->id(), params,
                                               size_t(std::max<qint64>(source->counts().total(), 1024)));
    qint64 added = 0;
    if (!fillIndex(*source, *fresh, 0, progress, cancel, &added, error))
        return false;
    if (cancel && cancel->load()) {
        if (error)
            *error = QStringLiteral("rebuild cancelled; the current index stays in use");
        return false;
    }
    // Saves of the old and the new index would share the temp file: one at a time.
    std::lock_guard saveGuard(m_indexSaveMutex);
    if (!fresh->save(m_dir->indexPath(), watermark, error))
        return false;
    {
        std::lock_guard indexGuard(m_indexMutex);
        m_index = std::move(fresh);
        m_indexReport = {IndexOpenReport::Action::Rebuilt,
                         QStringLiteral("rebuilt on request (%1 vectors)").arg(added), added, 0};
    }
    m_indexSavedWatermark = watermark;
    log::get("kms.core.index")->info("vector index rebuilt on request: {} vectors", added);
    return true;
}

IntegrityReport Engine::checkIntegrity(const std::function<void(const IntegrityProgress &)> &progress,
                                       const std::atomic<bool> *cancel)
{
    // A job writing meanwhile would make the store and the index disagree for a moment.
    JobHold hold(*m_scheduler);
    if (!hold) {
        IntegrityReport report;
        report.error = QStringLiteral("an ingestion job is running; check the store when it has finished");
        return report;
    }
    auto logger = log::get("kms.core.health");
    logger->info("integrity check started");
    IntegrityInputs in;
    in.databasePath = m_dir->databasePath();
    in.fullTextCheck = [this](const std::atomic<bool> *c) {
        std::lock_guard guard(m_writerMutex);
        return m_writer->checkFullText(c);
    };
    in.index = currentIndex();
    in.indexPath = m_dir->indexPath();
    in.dimension = m_embedder->dimension();
    in.embedderId = m_embedder->id();
    IntegrityReport report = kms::checkIntegrity(in, progress, cancel);
    if (report.cancelled)
        logger->info("integrity check cancelled");
    else if (!report.error.isEmpty())
        logger->error("integrity check could not run: {}", report.error.toStdString());
    for (const IntegrityFinding &f : report.findings) {
        if (!f.ok)
            logger->warn("integrity check, {}: {}", integrityPhaseName(f.phase).toStdString(), f.message.toStdString());
    }
    if (report.finished)
        logger->info("integrity check finished in {:.1f} s: {} problem(s)", report.seconds, report.problemCount());
    return report;
}

} // namespace kms
