// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/RecordPreparer.h"
#include "model/Job.h"

#include <optional>

namespace kms {

class Metrics;
class StorePool;

// The writer stage: commits one prepared batch in one transaction through the store's one writer
// (rows, full-text rows, vectors, rejects and the job's counters, all or nothing). In a dry run it
// writes nothing and counts the workers' classification instead.
class BatchWriter
{
public:
    BatchWriter(StorePool *stores, Metrics *metrics, bool dryRun);

    struct Result {
        JobCounts counts;                    // inserted, updated, unchanged, rejected of this batch
        std::optional<BatchOutcome> outcome; // what the index needs; none in a dry run
    };
    // nullopt with *error when the store refused the batch: nothing of it is stored.
    std::optional<Result> write(const PreparedBatch &batch, QString *error);

private:
    StorePool *m_stores;
    Metrics *m_metrics;
    bool m_dryRun;
};

} // namespace kms
