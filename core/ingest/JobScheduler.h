// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/IngestPipeline.h"
#include "ingest/JobEvents.h"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace kms {

// Runs ingestion jobs one at a time on its own thread. Queued jobs run by priority (high, normal,
// low), oldest first within a priority, so a high-priority load overtakes a waiting scheduled sync.
// Every job is a row in the jobs table from the moment it is queued, and every change of its state
// is published to the engine's job event stream (queued, progress of pause / resume, the end; the
// pipeline publishes its start and batches).
class JobScheduler
{
public:
    // Creates the pipeline for a job; the engine supplies its context.
    using PipelineFactory = std::function<std::unique_ptr<IngestPipeline>(const IngestOptions &, qint64 jobId)>;
    // Persists job rows (queued, cancelled while queued).
    using JobWriter = std::function<qint64(const JobInfo &)>;
    using JobUpdater = std::function<void(const JobInfo &)>;

    JobScheduler(PipelineFactory factory, JobWriter create, JobUpdater update, const JobEventStream &events);
    ~JobScheduler(); // cancels the running job at a batch boundary, joins, marks queued jobs cancelled

    // Queues a job and returns its id (0 and *error when the job row cannot be written).
    qint64 submit(const IngestOptions &options, QString *error = nullptr);
    bool cancel(qint64 jobId);      // queued: removed and marked cancelled; running: stops it
    bool pause(qint64 jobId);
    bool resume(qint64 jobId);

    // Index maintenance (integrity check, rebuild, re-embed) replaces or reads what a pipeline
    // writes, so no job may run meanwhile: a Hold keeps queued jobs waiting for as long as it lives.
    // hold() gives an empty one (false) while a job runs, and a real one from the job's end event
    // on. Holds nest; jobs submitted while held are queued as usual.
    class Hold
    {
    public:
        Hold() = default;
        Hold(Hold &&other) noexcept : m_queue(std::exchange(other.m_queue, nullptr)) {}
        Hold &operator=(Hold &&other) noexcept;
        ~Hold() { release(); }
        explicit operator bool() const { return m_queue != nullptr; }
        void release();

    private:
        friend class JobScheduler;
        explicit Hold(JobScheduler *queue) : m_queue(queue) {}
        JobScheduler *m_queue = nullptr;
    };
    [[nodiscard]] Hold hold();
    bool isHeld() const;

    std::optional<JobProgress> runningProgress() const;
    QList<qint64> queuedJobs() const; // in the order they will run
    bool isIdle() const;
    // The job is waiting in the queue or running (a scheduled sync is not queued twice).
    bool isQueuedOrRunning(qint64 jobId) const;
    // Blocks until nothing is queued or running (CLI, tests). Not for the GUI thread.
    void waitForIdle();

private:
    struct Queued {
        qint64 id;
        IngestOptions options;
        qint64 order;
    };
    void loop();
    void publishEnd(const JobInfo &job) const;
    bool setPaused(qint64 jobId, bool paused);

    PipelineFactory m_factory;
    JobWriter m_create;
    JobUpdater m_update;
    const JobEventStream &m_events;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::vector<Queued> m_queue;
    qint64 m_order = 0;
    qint64 m_runningId = 0;
    IngestOptions m_runningOptions;
    IngestPipeline *m_running = nullptr;
    bool m_stopping = false;
    int m_holds = 0; // live Hold objects
    std::thread m_thread;
};

} // namespace kms
