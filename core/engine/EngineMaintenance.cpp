// SPDX-License-Identifier: MIT
// Changing the engine's configuration while it serves: values that apply at once, an index rebuilt
// with new HNSW parameters, and a re-embed of every record. The long ones build beside the live
// state and swap at the end, so searches never see a half-built index and a cancel loses nothing.
#include "engine/Engine.h"
#include "engine/EngineInternals.h"

#include "embed/EmbeddingCache.h"
#include "engine/EmbedderFactory.h"
#include "index/VectorIndex.h"
#include "ingest/RecordPreparer.h"
#include "log/Log.h"
#include "storage/DataDirectory.h"
#include "text/Normalizer.h"

#include <QHash>
#include <QJsonDocument>

#include <spdlog/spdlog.h>

#include <optional>

#include <algorithm>
#include <cstddef>
#include <mutex>
#include <thread>
#include <utility>

namespace kms {

namespace {

constexpr int kPageRecords = 2048;

QString configJson(const EngineConfig &c)
{
    return QString::fromUtf8(QJsonDocument(c.toJson()).toJson(QJsonDocument::Compact));
}

// The vectors of a page of records under an embedder: one per distinct text (records with equal
// text share it), in the form the embedder reads, embedded in calls of at most maxBatchSize() on
// `threads` threads. A record whose text hash under this embedder differs from the stored one
// (the embedder reads the display text, the stored hash keys tokens, or the reverse) is listed
// in `rekeyed`, for the switch to write.
struct EmbeddedPage {
    std::vector<qint64> ids;             // per record
    std::vector<float> recordVectors;    // per record, back to back
    std::vector<quint64> textHashes;     // per distinct text
    std::vector<float> textVectors;      // per distinct text, back to back
    std::vector<std::pair<qint64, quint64>> rekeyed;
    QString error;                       // the embedder's message when a text got no vector
};

EmbeddedPage embedPage(const std::vector<StoredRecord> &records, const Normalizer &normalizer,
                       const Embedder &embedder, int threads, const std::atomic<bool> *cancel)
{
    const size_t dim = size_t(embedder.dimension());
    const Embedder::Reads reads = embedder.reads();
    EmbeddedPage page;
    QHash<quint64, size_t> slotOf;
    std::vector<EmbedInput> inputs;            // per slot
    std::vector<size_t> recordSlot(records.size());
    for (size_t i = 0; i < records.size(); ++i) {
        RecordPreparer::EmbeddingText text = RecordPreparer::embeddingText(normalizer, records[i].record, reads);
        if (text.textHash != records[i].textHash)
            page.rekeyed.emplace_back(records[i].id, text.textHash);
        auto it = slotOf.constFind(text.textHash);
        if (it == slotOf.constEnd()) {
            it = slotOf.insert(text.textHash, inputs.size());
            inputs.push_back(std::move(text.input));
            page.textHashes.push_back(text.textHash);
        }
        recordSlot[i] = *it;
    }
    page.textVectors.assign(inputs.size() * dim, 0.0f);
    const size_t chunk = size_t(std::max(1, embedder.maxBatchSize()));
    const size_t chunks = (inputs.size() + chunk - 1) / chunk;
    std::mutex errorMutex;
    auto work = [&](size_t begin, size_t step) {
        for (size_t c = begin; c < chunks; c += step) {
            const size_t from = c * chunk, n = std::min(chunk, inputs.size() - from);
            const EmbedBatchResult r = embedder.embedBatch(std::span<const EmbedInput>(inputs.data() + from, n),
                                                           std::span<float>(page.textVectors.data() + from * dim, n * dim),
                                                           cancel);
            if (!r.allOk()) {
                std::lock_guard guard(errorMutex);
                if (page.error.isEmpty())
                    page.error = r.message.isEmpty() ? QStringLiteral("the embedder gave no vector") : r.message;
                return;
            }
        }
    };
    const size_t n = size_t(std::clamp(threads, 1, 64));
    std::vector<std::thread> pool;
    for (size_t t = 1; t < n && t < chunks; ++t)
        pool.emplace_back(work, t, n);
    work(0, pool.empty() ? 1 : n);
    for (auto &t : pool)
        t.join();
    if (!page.error.isEmpty())
        return page;

    page.ids.reserve(records.size());
    page.recordVectors.resize(records.size() * dim);
    for (size_t i = 0; i < records.size(); ++i) {
        page.ids.push_back(records[i].id);
        std::copy_n(page.textVectors.begin() + std::ptrdiff_t(recordSlot[i] * dim), dim,
                    page.recordVectors.begin() + std::ptrdiff_t(i * dim));
    }
    return page;
}

} // namespace

bool Engine::cancelled(const std::atomic<bool> *cancel) const
{
    return m_maintenanceCancel.load() || (cancel && cancel->load());
}

void Engine::storeConfig(const EngineConfig &config)
{
    {
        std::lock_guard guard(m_configMutex);
        m_config = config;
    }
    auto writerLock = m_stores->writer();
    if (!writerLock->setMeta(QStringLiteral("config"), configJson(config)))
        log::get("kms.core.engine")->error("storing the configuration failed: {}", writerLock->lastError().toStdString());
}

bool Engine::rebuildIndex(const std::function<void(qint64, qint64)> &progress, const std::atomic<bool> *cancel,
                          QString *error)
{
    std::unique_lock maintenance(m_maintenanceMutex, std::try_to_lock);
    JobScheduler::Hold jobsHeld;
    if (maintenance.owns_lock())
        jobsHeld = m_scheduler->hold();
    if (!jobsHeld) {
        if (error)
            *error = maintenance.owns_lock()
                         ? QStringLiteral("an ingestion job is running; rebuild the index when it has finished")
                         : QStringLiteral("the index is already being rebuilt");
        return false;
    }
    m_maintenanceRunning = true;
    const EngineConfig c = config();
    const bool ok = rebuildWith({c.hnswM, c.hnswEfConstruction, c.hnswEfSearch}, progress, cancel, error);
    m_maintenanceRunning = false;
    return ok;
}

bool Engine::applyConfig(const EngineConfig &next, const std::function<void(qint64, qint64)> &progress,
                         const std::atomic<bool> *cancel, QString *error)
{
    QString invalid;
    if (!next.validate(&invalid)) {
        if (error)
            *error = invalid;
        return false;
    }
    std::unique_lock maintenance(m_maintenanceMutex, std::try_to_lock);
    if (!maintenance.owns_lock()) {
        if (error)
            *error = QStringLiteral("another configuration change is being applied; try again when it has finished");
        return false;
    }
    const EngineConfig current = config();
    const ConfigChange change = configChange(current, next);
    if (change == ConfigChange::None)
        return true;
    const bool structural = change == ConfigChange::RebuildIndex || change == ConfigChange::Reembed;
    // Refused before anything changes: the caller can try again later with the same request.
    JobScheduler::Hold jobsHeld;
    if (structural)
        jobsHeld = m_scheduler->hold();
    if (structural && !jobsHeld) {
        if (error)
            *error = QStringLiteral("an ingestion job is running; apply the new %1 when it has finished")
                         .arg(change == ConfigChange::Reembed ? QStringLiteral("embedder parameters")
                                                              : QStringLiteral("HNSW parameters"));
        return false;
    }

    // What applies at once does so whatever happens to the rest.
    EngineConfig immediate = next;
    if (structural) {
        immediate.embedderProvider = current.embedderProvider;
        immediate.lsaModel = current.lsaModel;
        immediate.embeddingDimension = current.embeddingDimension;
        immediate.remote = current.remote;
        immediate.bertModel = current.bertModel;
        immediate.bertQueryPrefix = current.bertQueryPrefix;
        immediate.bertDocumentPrefix = current.bertDocumentPrefix;
        immediate.hnswM = current.hnswM;
        immediate.hnswEfConstruction = current.hnswEfConstruction;
    } else if (next.embedderProvider == QLatin1String("openai") && next.remote != current.remote) {
        // Same vectors, other batching, in-flight cap, timeouts, price or key source: a new
        // embedder object with the same id takes over.
        std::shared_ptr<const Embedder> replacement = makeEmbedder(next, modelDirectory(), error);
        if (!replacement)
            return false;
        std::lock_guard indexGuard(m_indexMutex);
        m_embedder = std::move(replacement);
    }
    currentIndex()->setEfSearch(next.hnswEfSearch);
    m_cache->setCapacity(size_t(next.embeddingCacheEntries));
    storeConfig(immediate);
    if (!structural)
        return true;

    m_maintenanceRunning = true;
    const bool ok = change == ConfigChange::Reembed
                        ? reembedWith(next, progress, cancel, error)
                        : rebuildWith({next.hnswM, next.hnswEfConstruction, next.hnswEfSearch}, progress, cancel, error);
    if (ok)
        storeConfig(next);
    m_maintenanceRunning = false;
    return ok;
}

bool Engine::rebuildWith(const HnswParams &params, const std::function<void(qint64, qint64)> &progress,
                         const std::atomic<bool> *cancel, QString *error)
{
    auto logger = log::get("kms.core.index");
    currentIndex(); // a load still running would replace the rebuilt index when it ends
    // A pooled connection for the whole walk, which takes a while.
    auto source = m_stores->reader();
    const auto embedder = currentEmbedder();
    // Read before the walk: whatever commits from here on is caught up below (adding twice is harmless).
    const qint64 startSeq = source->watermark();
    auto fresh = std::make_shared<VectorIndex>(embedder->dimension(), embedder->id(), params,
                                               size_t(std::max<qint64>(source->counts().total(), 1024)));
    qint64 added = 0;
    std::atomic<bool> stop{false};
    auto progressOrStop = [&](qint64 done, qint64 total) {
        stop = cancelled(cancel);
        if (progress)
            progress(done, total);
    };
    if (!fillIndex(*fresh, 0, progressOrStop, &stop, &added, error, source.get()))
        return false;
    if (stop || cancelled(cancel)) {
        if (error)
            *error = QStringLiteral("rebuild cancelled; the current index stays in use");
        return false;
    }
    qint64 seq = 0;
    {
        // Edits committed during the walk are added now; holding the writer, none can slip in
        // between this catch-up and the swap.
        auto writerLock = m_stores->writer();
        seq = writerLock->watermark();
        if (seq > startSeq) {
            for (qint64 id : writerLock->deletedSince(startSeq))
                fresh->remove(id);
            if (!fillIndex(*fresh, startSeq, {}, nullptr, &added, error, writerLock.get()))
                return false;
        }
        std::lock_guard indexGuard(m_indexMutex);
        m_index = fresh;
        m_indexLoadFailed = false; // a stand-in a failed load left is replaced by a real index
        m_vectorNote.clear();
        m_indexReport = {IndexOpenReport::Action::Rebuilt,
                         QStringLiteral("rebuilt on request (%1 vectors, M %2, efConstruction %3)")
                             .arg(fresh->size()).arg(params.M).arg(params.efConstruction),
                         fresh->size(), 0};
    }
    {
        std::lock_guard guard(m_indexSaveMutex);
        m_indexSavedWatermark = -1; // the file on disk is the old index
    }
    saveIndexAt(seq);
    logger->info("vector index rebuilt: {} vectors, M {}, efConstruction {}", fresh->size(), params.M,
                 params.efConstruction);
    return true;
}

bool Engine::reembedWith(const EngineConfig &next, const std::function<void(qint64, qint64)> &progress,
                         const std::atomic<bool> *cancel, QString *error)
{
    auto logger = log::get("kms.core.engine");
    currentIndex(); // a load still running would replace the new index when it ends
    auto source = m_stores->reader();
    const std::shared_ptr<const Embedder> embedder = makeEmbedder(next, modelDirectory(), error);
    if (!embedder)
        return false;
    const QString newId = embedder->id();
    const int threads = next.effectiveWorkers();
    const qint64 startSeq = source->watermark();
    const qint64 total = source->counts().total();
    auto fresh = std::make_shared<VectorIndex>(embedder->dimension(), newId,
                                               HnswParams{next.hnswM, next.hnswEfConstruction, next.hnswEfSearch},
                                               size_t(std::max<qint64>(total, 1024)));
    // The same id again (Engine::reembed: the server's model changed behind its name): vectors are
    // replaced in place, as they cannot stand beside themselves; the index is still built anew.
    const bool sameId = newId == currentEmbedder()->id();
    auto dropNew = [&](Store &writer) {
        if (!sameId)
            writer.deleteEmbeddings(newId);
    };
    auto discard = [&](const QString &why) {
        // The new vectors are not active yet: removing them leaves the store as it was.
        auto writerLock = m_stores->writer();
        dropNew(*writerLock);
        if (error)
            *error = why;
        return false;
    };
    {
        // Left-overs of an interrupted attempt: recomputed, not trusted.
        auto writerLock = m_stores->writer();
        dropNew(*writerLock);
    }
    logger->info("re-embedding {} records with {}", total, newId.toStdString());

    // Embeds one page, stores its vectors under the new embedder and adds them to the new index.
    // writerHeld: the caller already holds the writer mutex.
    // A remote embedder's requests in flight are capped by the embedder itself; more caller
    // threads than that only wait.
    std::vector<std::pair<qint64, quint64>> rekeyed;
    std::atomic<bool> stop{false};
    auto processPage = [&](const std::vector<StoredRecord> &records, bool writerHeld) {
        stop = cancelled(cancel);
        const EmbeddedPage page = embedPage(records, *m_normalizer, *embedder, threads, &stop);
        if (!page.error.isEmpty()) {
            // Partial vectors are not kept: the old embedder serves until a complete re-embed.
            if (error)
                *error = QStringLiteral("re-embedding stopped, the current vectors stay in use: %1").arg(page.error);
            return false;
        }
        rekeyed.insert(rekeyed.end(), page.rekeyed.begin(), page.rekeyed.end());
        {
            std::optional<StorePool::Writer> lock;
            if (!writerHeld)
                lock.emplace(m_stores->writer());
            if (!m_stores->writer()->putEmbeddings(newId, embedder->dimension(), page.textHashes, page.textVectors,
                                                   sameId)) {
                if (error)
                    *error = m_stores->writer()->lastError();
                return false;
            }
        }
        return fresh->addBatch(page.ids, page.recordVectors, threads, error);
    };

    std::vector<StoredRecord> records;
    qint64 lastId = 0;
    qint64 done = 0;
    for (;;) {
        if (cancelled(cancel))
            return discard(QStringLiteral("re-embedding cancelled; the current vectors and index stay in use"));
        if (!source->recordPage(0, lastId, kPageRecords, &records))
            return discard(source->lastError());
        if (records.empty())
            break;
        lastId = records.back().id;
        if (!processPage(records, false))
            return discard(error ? *error : QString());
        done += qint64(records.size());
        if (progress)
            progress(done, std::max(done, total));
    }

    qint64 seq = 0;
    {
        // Records written during the walk are re-embedded now, and the switch follows at once:
        // holding the writer, no edit can fall between the two.
        auto writerLock = m_stores->writer();
        seq = writerLock->watermark();
        if (seq > startSeq) {
            for (qint64 id : writerLock->deletedSince(startSeq))
                fresh->remove(id);
            qint64 afterId = 0;
            for (;;) {
                if (!writerLock->recordPage(startSeq, afterId, kPageRecords, &records)) {
                    if (error)
                        *error = writerLock->lastError();
                    dropNew(*writerLock);
                    return false;
                }
                if (records.empty())
                    break;
                afterId = records.back().id;
                if (!processPage(records, true)) {
                    dropNew(*writerLock);
                    return false;
                }
            }
        }
        // The active embedder and the configuration naming it change in one transaction, so a
        // restart finds them consistent whatever happens next.
        if (!writerLock->activateEmbedder(newId, {{QStringLiteral("config"), configJson(next)}}, rekeyed)) {
            if (error)
                *error = writerLock->lastError();
            dropNew(*writerLock);
            return false;
        }
        std::lock_guard indexGuard(m_indexMutex);
        m_embedder = embedder;
        m_index = fresh;
        m_indexLoadFailed = false; // a stand-in a failed load left is replaced by a real index
        m_vectorNote.clear();
        m_indexReport = {IndexOpenReport::Action::Rebuilt,
                         QStringLiteral("rebuilt after re-embedding with %1 (%2 vectors)").arg(newId).arg(fresh->size()),
                         fresh->size(), 0};
        // Cache keys are text hashes only: the old embedder's vectors must not be handed out.
        m_cache->clear();
    }
    {
        std::lock_guard guard(m_indexSaveMutex);
        m_indexSavedWatermark = -1;
    }
    saveIndexAt(seq);
    {
        auto writerLock = m_stores->writer();
        const qint64 removed = writerLock->deleteUnusedEmbeddings();
        if (removed < 0)
            logger->warn("removing the previous embedder's vectors failed: {}", writerLock->lastError().toStdString());
        else
            logger->info("re-embedded {} records; removed {} previous vectors", done, removed);
    }
    return true;
}

} // namespace kms
