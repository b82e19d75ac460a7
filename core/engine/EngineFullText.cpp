// SPDX-License-Identifier: MIT
// The full-text index's form: the writer learns how the index's terms are made from a record
// (the normaliser), and the index is rebuilt when it was made otherwise. And the indexes a
// stopped load left for its end.
#include "engine/EngineCompaction.h"
#include "engine/Engine.h"
#include "engine/EngineInternals.h"

#include "log/Log.h"
#include "text/Normalizer.h"

#include <spdlog/spdlog.h>

namespace kms {

namespace {
constexpr int kFullTextBatch = 20000; // records per transaction of a rebuild
}

bool Engine::prepareFullText(QString *error)
{
    auto logger = log::get("kms.core.engine");
    auto writer = m_stores->writer();
    const std::shared_ptr<const Normalizer> normalizer = m_normalizer;
    writer->setMatchingForm([normalizer](QStringView text) { return normalizer->matchingText(text); },
                            normalizer->formId());
    if (writer->fullTextCurrent())
        return true;
    if (writer->fullTextKeepsCopy() && writer->watermark() > 0) {
        // A store of an older version: it works as it is; compacting it is the operator's call
        // (minutes at a million records).
        logger->info("the full-text index of {} keeps a copy of every text (made by an older version): "
                     "`kmsctl compact` rebuilds it without one, about a quarter of the database smaller",
                     writer->path().toStdString());
        return true;
    }
    // An empty store (no time at all), or an index made under another term list: records could
    // not change until it is rebuilt, so it is rebuilt now.
    const bool empty = writer->watermark() == 0;
    if (!empty)
        logger->warn("the term list or the normaliser changed since the full-text index was made: re-indexing "
                     "every record under the new one (a stop goes on at the next start)");
    qint64 lastLogged = 0;
    const qint64 done = writer->rebuildFullText(kFullTextBatch, [&](qint64 n, qint64 total) {
        if (!empty && (n - lastLogged >= 100000 || n == total)) {
            lastLogged = n;
            logger->info("full-text index: {} / {} records", n, total);
        }
    }, &m_maintenanceCancel);
    if (done < 0) {
        if (error)
            *error = QStringLiteral("cannot rebuild the full-text index: %1").arg(writer->lastError());
        return false;
    }
    return true;
}

bool Engine::finishDeferredIndexes(QString *error)
{
    auto writer = m_stores->writer();
    if (!writer->readIndexesDeferred())
        return true;
    auto logger = log::get("kms.core.engine");
    logger->warn("a load into {} stopped before its end: building the browse indexes it left for its end "
                 "(about a minute at a million records)",
                 writer->path().toStdString());
    const int built = writer->buildDeferredIndexes([&](int done, int total) {
        logger->info("browse indexes: {} of {} built", done, total);
    });
    if (built < 0) {
        if (error)
            *error = writer->lastError();
        return false;
    }
    return true;
}

bool Engine::compactFullText(const std::function<void(qint64, qint64)> &progress, const std::atomic<bool> *cancel,
                             qint64 *records, qint64 *reformed, QString *error)
{
    *records = 0;
    *reformed = 0;
    const CompactionHold held = holdForCompaction(m_maintenanceMutex, *m_scheduler, error);
    if (!held)
        return false;
    auto writer = m_stores->writer();
    if (writer->fullTextCurrent())
        return true;
    const qint64 done = writer->rebuildFullText(kFullTextBatch, progress, cancel, reformed);
    const QString stopped = QStringLiteral("cancelled; the next run goes on from where this one stopped");
    if (!compactionStepDone(done, *writer, stopped, error))
        return false;
    *records = done;
    return true;
}

} // namespace kms
