// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/IngestPipeline.h"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace kms {

// Runs ingestion jobs one at a time on its own thread. Queued jobs run by priority (high, normal,
// low), oldest first within a priority, so a high-priority load overtakes a waiting scheduled sync.
// Every job is a row in the jobs table from the moment it is queued.
class JobScheduler
{
public:
    // Creates the pipeline for a job; the engine supplies its context.
    using PipelineFactory = std::function<std::unique_ptr<IngestPipeline>(const IngestOptions &, qint64 jobId)>;
    // Persists job rows (queued, cancelled while queued).
    using JobWriter = std::function<qint64(const JobInfo &)>;
    using JobUpdater = std::function<void(const JobInfo &)>;

    JobScheduler(PipelineFactory factory, JobWriter create, JobUpdater update);
    ~JobScheduler(); // cancels the running job at a batch boundary, joins, marks queued jobs cancelled

    // Queues a job and returns its id (0 and *error when the job row cannot be written).
    qint64 submit(const IngestOptions &options, QString *error = nullptr);
    bool cancel(qint64 jobId);      // queued: removed and marked cancelled; running: stops it
    bool pause(qint64 jobId);
    bool resume(qint64 jobId);

    // Index maintenance (rebuild, integrity check) needs the store and the index to hold still:
    // holdJobs() keeps queued jobs from starting until the matching releaseJobs(). It fails while a
    // job runs, and succeeds from the finished callback on. Holds nest.
    bool holdJobs();
    void releaseJobs();

    std::optional<JobProgress> runningProgress() const;
    QList<qint64> queuedJobs() const; // in the order they will run
    bool isIdle() const;
    // The job is waiting in the queue or running (a scheduled sync is not queued twice).
    bool isQueuedOrRunning(qint64 jobId) const;
    // Blocks until nothing is queued or running (CLI, tests). Not for the GUI thread.
    void waitForIdle();

    // Index maintenance (rebuild, re-embed) replaces what a pipeline points at, so no job may run
    // meanwhile: hold() succeeds only when none is running and keeps queued jobs waiting until
    // release(). Jobs submitted while held are queued as usual.
    bool hold();
    void release();
    bool isHeld() const;

    // Called on the scheduler thread when a job ends (completed, failed or cancelled).
    void setFinishedCallback(std::function<void(const JobInfo &)> fn);
    void setBatchCallback(std::function<void(const JobProgress &)> fn);

private:
    struct Queued {
        qint64 id;
        IngestOptions options;
        qint64 order;
    };
    void loop();

    PipelineFactory m_factory;
    JobWriter m_create;
    JobUpdater m_update;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::vector<Queued> m_queue;
    qint64 m_order = 0;
    qint64 m_runningId = 0;
    IngestPipeline *m_running = nullptr;
    bool m_stopping = false;
    bool m_held = false; // hold(): one exclusive maintenance
    int m_holds = 0;     // holdJobs(): nested holds
    std::function<void(const JobInfo &)> m_onFinished;
    std::function<void(const JobProgress &)> m_onBatch;
    std::thread m_thread;
};

} // namespace kms
