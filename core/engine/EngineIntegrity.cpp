// SPDX-License-Identifier: MIT
// The integrity check of an open engine: the store, its full-text index, the live vector index and
// the index file, while queued jobs wait.
#include "engine/Engine.h"
#include "engine/EngineInternals.h"

#include "embed/Embedder.h"
#include "index/VectorIndex.h"
#include "log/Log.h"
#include "storage/DataDirectory.h"

#include <spdlog/spdlog.h>

namespace kms {

IntegrityReport Engine::checkIntegrity(const std::function<void(const IntegrityProgress &)> &progress,
                                       const std::atomic<bool> *cancel)
{
    // A job writing meanwhile would make the store and the index disagree for a moment.
    const JobScheduler::Hold jobsHeld = m_scheduler->hold();
    if (!jobsHeld) {
        IntegrityReport report;
        report.error = QStringLiteral("an ingestion job is running; check the store when it has finished");
        return report;
    }
    auto logger = log::get("kms.core.health");
    logger->info("integrity check started");
    IntegrityInputs in;
    in.stores = m_stores.get();
    in.index = currentIndex();
    in.indexPath = m_dir->indexPath();
    const auto embedder = currentEmbedder();
    in.dimension = embedder->dimension();
    in.embedderId = embedder->id();
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
