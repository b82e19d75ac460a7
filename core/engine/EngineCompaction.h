// SPDX-License-Identifier: MIT
// What the engine's compaction steps (vectors, full-text index, texts) share: holding off other
// maintenance and jobs, and reporting a resumable store step.
#pragma once

#include "ingest/JobScheduler.h"
#include "storage/Store.h"

#include <QString>

#include <mutex>

namespace kms {

// What a compaction step (vectors, full-text index, texts) holds while it runs: the engine's
// maintenance lock (one rebuild, re-embed or compaction at a time) and the job queue (no job
// writes meanwhile). Released in the reverse order: the queue first.
struct CompactionHold {
    std::unique_lock<std::mutex> maintenance;
    JobScheduler::Hold jobs;
    explicit operator bool() const { return maintenance.owns_lock() && bool(jobs); }
};

// Both, or neither with *error saying why. Waits for nothing: fails while either is taken.
inline CompactionHold holdForCompaction(std::mutex &maintenance, JobScheduler &scheduler, QString *error)
{
    CompactionHold held{std::unique_lock(maintenance, std::try_to_lock), {}};
    if (held.maintenance.owns_lock())
        held.jobs = scheduler.hold();
    if (!held && error)
        *error = QStringLiteral("a job or a configuration change is running; compact when it has finished");
    return held;
}

// The result of a resumable store step (rows done; -1 failed, -2 cancelled): true when it ran to
// its end, else false with *error: the store's message, or `cancelled` (what a stop kept).
inline bool compactionStepDone(qint64 done, const Store &writer, const QString &cancelled, QString *error)
{
    if (done >= 0)
        return true;
    if (error)
        *error = done == -2 ? cancelled : writer.lastError();
    return false;
}

} // namespace kms
