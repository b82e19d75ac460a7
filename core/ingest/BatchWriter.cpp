// SPDX-License-Identifier: MIT
#include "ingest/BatchWriter.h"

#include "metrics/Metrics.h"
#include "storage/StorePool.h"

#include <QElapsedTimer>

namespace kms {

BatchWriter::BatchWriter(StorePool *stores, Metrics *metrics, bool dryRun)
    : m_stores(stores), m_metrics(metrics), m_dryRun(dryRun)
{
}

std::optional<BatchWriter::Result> BatchWriter::write(const PreparedBatch &batch, QString *error)
{
    Result r;
    if (m_dryRun) {
        r.counts.inserted = batch.newRecords;
        r.counts.updated = batch.changedRecords;
        r.counts.unchanged = batch.unchangedRecords;
        r.counts.rejected = qint64(batch.write.rejects.size());
        r.counts.adjusted = batch.write.adjusted;
    } else {
        QElapsedTimer t;
        t.start();
        // The process has one writer, so a failure is not another connection holding the lock
        // (busy_timeout covers another process): it stops the job with the batch not written.
        {
            auto writer = m_stores->writer();
            r.outcome = writer->writeBatch(batch.write);
            if (!r.outcome) {
                *error = QStringLiteral("writing batch %1 failed: %2").arg(batch.sequence + 1).arg(writer->lastError());
                return std::nullopt;
            }
        }
        r.counts.inserted = r.outcome->inserted;
        r.counts.updated = r.outcome->updated;
        r.counts.unchanged = r.outcome->unchanged;
        r.counts.rejected = r.outcome->rejected;
        r.counts.adjusted = r.outcome->adjusted;
        if (m_metrics)
            m_metrics->recordStage(Stage::Write, t.nsecsElapsed() / 1000, qint64(batch.write.records.size()));
    }
    if (m_metrics) {
        m_metrics->addCommitted(r.counts.inserted + r.counts.updated + r.counts.unchanged);
        m_metrics->addRejected(r.counts.rejected);
    }
    return r;
}

} // namespace kms
