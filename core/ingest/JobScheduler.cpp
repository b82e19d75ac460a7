// SPDX-License-Identifier: MIT
#include "ingest/JobScheduler.h"

#include "log/Log.h"

#include <QDateTime>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kms {

JobScheduler::JobScheduler(PipelineFactory factory, JobWriter create, JobUpdater update,
                           const JobEventStream &events)
    : m_factory(std::move(factory)), m_create(std::move(create)), m_update(std::move(update)), m_events(events)
{
    m_thread = std::thread([this] { loop(); });
}

JobScheduler::~JobScheduler()
{
    {
        std::lock_guard guard(m_mutex);
        m_stopping = true;
        if (m_running)
            m_running->cancel();
    }
    m_cv.notify_all();
    m_thread.join();
    // Jobs still waiting never ran: their rows say so, instead of "queued" for ever.
    for (const Queued &q : m_queue) {
        JobInfo job = jobRowFor(q.options, q.id, JobStatus::Cancelled);
        job.finishedAt = QDateTime::currentDateTimeUtc();
        job.error = QStringLiteral("not run: the engine closed before its turn");
        m_update(job);
        publishEnd(job);
    }
}

void JobScheduler::publishEnd(const JobInfo &job) const
{
    JobEvent e;
    e.jobId = job.id;
    e.kind = jobEndKind(job.status);
    e.job = job;
    m_events.publish(e);
}

qint64 JobScheduler::submit(const IngestOptions &options, QString *error)
{
    const qint64 id = m_create(jobRowFor(options));
    if (id <= 0) {
        if (error)
            *error = QStringLiteral("cannot record the job in the database");
        return 0;
    }
    // Before the queue thread can see it: its Started event must not overtake this one.
    JobEvent e;
    e.jobId = id;
    e.kind = JobEventKind::Queued;
    e.job = jobRowFor(options, id);
    m_events.publish(e);
    {
        std::lock_guard guard(m_mutex);
        m_queue.push_back({id, options, m_order++});
    }
    m_cv.notify_all();
    return id;
}

bool JobScheduler::cancel(qint64 jobId)
{
    std::unique_lock lock(m_mutex);
    if (m_runningId == jobId && m_running) {
        m_running->cancel();
        return true;
    }
    auto it = std::find_if(m_queue.begin(), m_queue.end(), [&](const Queued &q) { return q.id == jobId; });
    if (it == m_queue.end())
        return false;
    JobInfo job = jobRowFor(it->options, it->id, JobStatus::Cancelled);
    job.finishedAt = QDateTime::currentDateTimeUtc();
    m_queue.erase(it);
    lock.unlock();
    m_update(job);
    m_cv.notify_all();
    publishEnd(job);
    return true;
}

bool JobScheduler::pause(qint64 jobId)
{
    return setPaused(jobId, true);
}

bool JobScheduler::resume(qint64 jobId)
{
    return setPaused(jobId, false);
}

bool JobScheduler::setPaused(qint64 jobId, bool paused)
{
    JobEvent e;
    {
        std::lock_guard guard(m_mutex);
        if (m_runningId != jobId || !m_running)
            return false;
        if (paused)
            m_running->pause();
        else
            m_running->resume();
        e.progress = m_running->progress();
        e.job = jobRowFor(m_runningOptions, jobId, e.progress->status);
        e.job.counts = e.progress->counts;
    }
    e.jobId = jobId;
    e.kind = paused ? JobEventKind::Paused : JobEventKind::Resumed;
    m_events.publish(e);
    return true;
}

JobScheduler::Hold JobScheduler::hold()
{
    std::lock_guard guard(m_mutex);
    // m_running, not m_runningId: the end event is published in between, and whoever it tells that
    // the job is over may take a hold right away.
    if (m_running)
        return {};
    ++m_holds;
    return Hold(this);
}

JobScheduler::Hold &JobScheduler::Hold::operator=(Hold &&other) noexcept
{
    if (this != &other) {
        release();
        m_queue = std::exchange(other.m_queue, nullptr);
    }
    return *this;
}

void JobScheduler::Hold::release()
{
    JobScheduler *queue = std::exchange(m_queue, nullptr);
    if (!queue)
        return;
    {
        std::lock_guard guard(queue->m_mutex);
        --queue->m_holds;
    }
    queue->m_cv.notify_all();
}

bool JobScheduler::isHeld() const
{
    std::lock_guard guard(m_mutex);
    return m_holds > 0;
}

std::optional<JobProgress> JobScheduler::runningProgress() const
{
    std::lock_guard guard(m_mutex);
    if (!m_running)
        return std::nullopt;
    return m_running->progress();
}

QList<qint64> JobScheduler::queuedJobs() const
{
    std::lock_guard guard(m_mutex);
    std::vector<Queued> q = m_queue;
    std::stable_sort(q.begin(), q.end(), [](const Queued &a, const Queued &b) {
        if (a.options.priority != b.options.priority)
            return int(a.options.priority) > int(b.options.priority);
        return a.order < b.order;
    });
    QList<qint64> ids;
    for (const Queued &x : q)
        ids.append(x.id);
    return ids;
}

bool JobScheduler::isIdle() const
{
    std::lock_guard guard(m_mutex);
    return m_queue.empty() && !m_running && m_runningId == 0;
}

bool JobScheduler::isQueuedOrRunning(qint64 jobId) const
{
    std::lock_guard guard(m_mutex);
    return (jobId != 0 && m_runningId == jobId)
        || std::any_of(m_queue.begin(), m_queue.end(), [&](const Queued &q) { return q.id == jobId; });
}

void JobScheduler::waitForIdle()
{
    std::unique_lock lock(m_mutex);
    m_cv.wait(lock, [this] { return (m_queue.empty() && m_runningId == 0) || m_stopping; });
}

void JobScheduler::loop()
{
    for (;;) {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [this] { return m_stopping || (!m_queue.empty() && m_holds == 0); });
        if (m_stopping)
            return;
        // Highest priority first, then the oldest.
        auto next = std::min_element(m_queue.begin(), m_queue.end(), [](const Queued &a, const Queued &b) {
            if (a.options.priority != b.options.priority)
                return int(a.options.priority) > int(b.options.priority);
            return a.order < b.order;
        });
        Queued job = *next;
        m_queue.erase(next);
        std::unique_ptr<IngestPipeline> pipeline = m_factory(job.options, job.id);
        m_running = pipeline.get();
        m_runningId = job.id;
        m_runningOptions = job.options;
        lock.unlock();

        JobInfo result;
        try {
            result = pipeline->run();
        } catch (const std::exception &e) {
            // Exceptions never leave the scheduler thread: the job is failed and recorded.
            result = jobRowFor(job.options, job.id, JobStatus::Failed);
            result.finishedAt = QDateTime::currentDateTimeUtc();
            result.error = QStringLiteral("internal error: %1").arg(QString::fromUtf8(e.what()));
            m_update(result);
        }

        lock.lock();
        m_running = nullptr;
        lock.unlock();
        // After m_running is cleared: whoever hears of the end may take a hold at once.
        publishEnd(result);
        lock.lock();
        m_runningId = 0;
        lock.unlock();
        m_cv.notify_all();
    }
}

} // namespace kms
