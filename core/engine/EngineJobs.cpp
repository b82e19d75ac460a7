// SPDX-License-Identifier: MIT
// The job verbs of the facade: the queue of ingestion jobs as front ends drive it.
#include "engine/Engine.h"
#include "engine/EngineInternals.h"

#include "ingest/JobScheduler.h"

namespace kms {

qint64 Engine::submitJob(const IngestOptions &options, QString *error)
{
    return m_scheduler->submit(options, error);
}

bool Engine::cancelJob(qint64 jobId)
{
    return m_scheduler->cancel(jobId);
}

bool Engine::pauseJob(qint64 jobId)
{
    return m_scheduler->pause(jobId);
}

bool Engine::resumeJob(qint64 jobId)
{
    return m_scheduler->resume(jobId);
}

bool Engine::isJobActive(qint64 jobId) const
{
    return m_scheduler->isQueuedOrRunning(jobId);
}

std::optional<JobProgress> Engine::runningJobProgress() const
{
    return m_scheduler->runningProgress();
}

void Engine::waitForJobs()
{
    m_scheduler->waitForIdle();
}

} // namespace kms
