// SPDX-License-Identifier: MIT
#include "ingest/JobScheduler.h"

#include "log/Log.h"

#include <QDateTime>
#include <QJsonDocument>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kms {

JobScheduler::JobScheduler(PipelineFactory factory, JobWriter create, JobUpdater update)
    : m_factory(std::move(factory)), m_create(std::move(create)), m_update(std::move(update))
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
        JobInfo job;
        job.id = q.id;
        job.source = q.options.files.join(QLatin1Char(';'));
        job.optionsJson = QString::fromUtf8(QJsonDocument(q.options.toJson()).toJson(QJsonDocument::Compact));
        job.priority = q.options.priority;
        job.status = JobStatus::Cancelled;
        job.finishedAt = QDateTime::currentDateTimeUtc();
        job.error = QStringLiteral("not run: the engine closed before its turn");
        m_update(job);
    }
}

void JobScheduler::setFinishedCallback(std::function<void(const JobInfo &)> fn)
{
    std::lock_guard guard(m_mutex);
    m_onFinished = std::move(fn);
}

void JobScheduler::setBatchCallback(std::function<void(const JobProgress &)> fn)
{
    std::lock_guard guard(m_mutex);
    m_onBatch = std::move(fn);
}

qint64 JobScheduler::submit(const IngestOptions &options, QString *error)
{
    JobInfo job;
    job.source = options.files.join(QLatin1Char(';'));
    job.optionsJson = QString::fromUtf8(QJsonDocument(options.toJson()).toJson(QJsonDocument::Compact));
    job.status = JobStatus::Queued;
    job.priority = options.priority;
    const qint64 id = m_create(job);
    if (id <= 0) {
        if (error)
            *error = QStringLiteral("cannot record the job in the database");
        return 0;
    }
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
    JobInfo job;
    job.id = it->id;
    job.source = it->options.files.join(QLatin1Char(';'));
    job.optionsJson = QString::fromUtf8(QJsonDocument(it->options.toJson()).toJson(QJsonDocument::Compact));
    job.priority = it->options.priority;
    job.status = JobStatus::Cancelled;
    job.finishedAt = QDateTime::currentDateTimeUtc();
    m_queue.erase(it);
    lock.unlock();
    m_update(job);
    m_cv.notify_all();
    return true;
}

bool JobScheduler::pause(qint64 jobId)
{
    std::lock_guard guard(m_mutex);
    if (m_runningId != jobId || !m_running)
        return false;
    m_running->pause();
    return true;
}

bool JobScheduler::resume(qint64 jobId)
{
    std::lock_guard guard(m_mutex);
    if (m_runningId != jobId || !m_running)
        return false;
    m_running->resume();
    return true;
}

bool JobScheduler::holdJobs()
{
    std::lock_guard guard(m_mutex);
    // m_running, not m_runningId: the finished callback runs in between, and whoever it tells that
    // the job is over may ask for a hold right away.
    if (m_running)
        return false;
    ++m_holds;
    return true;
}

void JobScheduler::releaseJobs()
{
    {
        std::lock_guard guard(m_mutex);
        if (m_holds > 0)
            --m_holds;
    }
    m_cv.notify_all();
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

bool JobScheduler::hold()
{
    std::lock_guard guard(m_mutex);
    // m_running, as in holdJobs(): maintenance may start from the finished callback.
    if (m_held || m_running)
        return false;
    m_held = true;
    return true;
}

void JobScheduler::release()
{
    {
        std::lock_guard guard(m_mutex);
        m_held = false;
    }
    m_cv.notify_all();
}

bool JobScheduler::isHeld() const
{
    std::lock_guard guard(m_mutex);
    return m_held;
}

void JobScheduler::loop()
{
    for (;;) {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [this] { return m_stopping || (!m_queue.empty() && !m_held && m_holds == 0); });
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
        if (m_onBatch)
            pipeline->setBatchCommittedCallback(m_onBatch);
        m_running = pipeline.get();
        m_runningId = job.id;
        lock.unlock();

        JobInfo result;
        try {
            result = pipeline->run();
        } catch (const std::exception &e) {
            // Exceptions never leave the scheduler thread: the job is failed and recorded.
            result.id = job.id;
            result.status = JobStatus::Failed;
            result.error = QStringLiteral("internal error: %1").arg(QString::fromUtf8(e.what()));
            m_update(result);
        }

        lock.lock();
        m_running = nullptr;
        auto onFinished = m_onFinished;
        lock.unlock();
        if (onFinished)
            onFinished(result);
        lock.lock();
        m_runningId = 0;
        lock.unlock();
        m_cv.notify_all();
    }
}

} // namespace kms
