// SPDX-License-Identifier: MIT
// A read-only view of a data directory another process owns (Options::readOnlyBesideOwner): the
// vector index comes from the owner's saved file, caught up in memory, or the view searches by
// keyword only and says why. Nothing here writes a file.
#include "engine/Engine.h"
#include "engine/EngineInternals.h"

#include "embed/Embedder.h"
#include "index/VectorIndex.h"
#include "log/Log.h"
#include "storage/DataDirectory.h"

#include <spdlog/spdlog.h>

namespace kms {

bool Engine::openIndexReadOnly(OpenedIndex *out, QString *error)
{
    auto logger = log::get("kms.core.index");
    const EngineConfig config = this->config();
    const std::shared_ptr<const Embedder> embedder = currentEmbedder();
    const HnswParams params{config.hnswM, config.hnswEfConstruction, config.hnswEfSearch};
    // An empty index stands in when the file cannot be used, so that every verb finds one; the
    // note keeps searches from using it (search() goes keyword-only) and health reports why.
    auto keywordOnly = [&](const QString &why) {
        out->vectorNote = QStringLiteral("vector search is off in this read-only view: %1").arg(why);
        out->index = std::make_shared<VectorIndex>(embedder->dimension(), embedder->id(), params, 16);
        out->report = {};
        out->report.message = QStringLiteral("not loaded: %1").arg(why);
        logger->info("{}", out->vectorNote.toStdString());
        return true;
    };

    // The owner may rename a new save over the file meanwhile: the open file stays the old,
    // complete one. No leftovers are removed: a ".tmp" may be the owner's save in progress.
    auto loaded = VectorIndex::load(m_dir->indexPath(), embedder->dimension(), embedder->id(), params);
    if (loaded.status == IndexLoadStatus::Missing)
        return keywordOnly(QStringLiteral("the owner has not saved a vector index file yet"));
    if (loaded.status != IndexLoadStatus::Loaded)
        return keywordOnly(QStringLiteral("the saved vector index file cannot be used (%1)").arg(loaded.message));
    if (loaded.index->params().M != params.M)
        return keywordOnly(QStringLiteral("the saved vector index file has HNSW M %1, the configuration %2")
                               .arg(loaded.index->params().M).arg(params.M));

    // Catch the file up to one snapshot of the database, in memory: watermark, counts, deletions and
    // the vectors after the file's watermark all come from the same read transaction, so the count
    // check below compares like with like while the owner keeps committing.
    auto reader = m_stores->reader();
    if (!reader->beginSnapshot()) {
        if (error)
            *error = reader->lastError();
        return false;
    }
    const qint64 dbWatermark = reader->watermark();
    const qint64 dbCount = reader->counts().total() - std::max<qint64>(0, reader->vectorBacklogCount());
    if (loaded.watermark > dbWatermark) {
        reader->endSnapshot();
        return keywordOnly(QStringLiteral("the saved vector index file (watermark %1) is ahead of the database (%2)")
                               .arg(loaded.watermark).arg(dbWatermark));
    }
    qint64 removed = 0, added = 0;
    bool filled = true;
    QString fillError;
    if (loaded.watermark < dbWatermark) {
        for (qint64 id : reader->deletedSince(loaded.watermark))
            removed += loaded.index->remove(id) ? 1 : 0;
        filled = fillIndex(*loaded.index, loaded.watermark, {}, &m_indexLoadCancel, &added, &fillError, reader.get());
    }
    reader->endSnapshot();
    if (!filled)
        return keywordOnly(QStringLiteral("catching the saved vector index up failed (%1)").arg(fillError));
    if (loaded.index->size() != dbCount)
        return keywordOnly(QStringLiteral("the saved vector index holds %1 vectors after catching up, the database "
                                          "%2 records with a vector")
                               .arg(loaded.index->size()).arg(dbCount));
    out->index = std::move(loaded.index);
    out->index->setEfSearch(params.efSearch);
    out->report = {};
    out->report.action = loaded.watermark < dbWatermark ? IndexOpenReport::Action::CaughtUp
                                                          : IndexOpenReport::Action::Verified;
    out->report.added = added;
    out->report.removed = removed;
    out->report.message =
        loaded.watermark < dbWatermark
            ? QStringLiteral("read-only view: the saved file (watermark %1) caught up in memory to %2 (+%3 vectors, -%4)")
                  .arg(loaded.watermark).arg(dbWatermark).arg(added).arg(removed)
            : QStringLiteral("read-only view: the saved file is current (watermark %1, %2 vectors)")
                  .arg(dbWatermark).arg(out->index->size());
    logger->info("vector index {}", out->report.message.toStdString());
    return true;
}

} // namespace kms
