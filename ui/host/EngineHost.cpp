// SPDX-License-Identifier: MIT
#include "host/EngineHost.h"

#include "log/Log.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <spdlog/spdlog.h>

#include <thread>

namespace kms::ui {

namespace {
auto logger()
{
    static auto l = log::get("kms.ui.host");
    return l;
}
} // namespace

EngineHost::EngineHost(QObject *parent)
    : QObject(parent)
{
    // Searches, page queries and maintenance share these threads; ingestion has its own
    // (the scheduler thread and the pipeline's pool), so a load never starves the search console.
    m_pool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    m_pool.setObjectName(QStringLiteral("kms.ui.host"));
}

EngineHost::~EngineHost()
{
    m_pool.waitForDone();
    m_engine.reset();
}

void EngineHost::reportTaskFailure(const QString &message)
{
    logger()->error("background task failed: {}", message.toStdString());
    emit taskFailed(message);
}

void EngineHost::open(const Engine::Options &options)
{
    m_dataDirectory = options.dataDirectory;
    QPointer<EngineHost> self(this);
    // Opening may verify or rebuild the vector index: seconds on a large store.
    std::thread([self, options] {
        QString error;
        std::unique_ptr<Engine> engine;
        try {
            engine = Engine::open(options, &error);
        } catch (const std::exception &e) {
            error = QString::fromUtf8(e.what());
        }
        Engine *raw = engine.release();
        QMetaObject::invokeMethod(
            qApp, [self, raw, error] {
                std::unique_ptr<Engine> owned(raw);
                // When the window went away while opening, the engine closes here.
                if (EngineHost *host = self.data())
                    host->adopt(std::move(owned), error);
            },
            Qt::QueuedConnection);
    }).detach();
}

void EngineHost::adopt(std::unique_ptr<Engine> engine, const QString &error)
{
    m_engine = std::move(engine);
    if (m_engine)
        attach();
    emit opened(m_engine != nullptr, error);
}

void EngineHost::attach()
{
    m_jobSubscription = m_engine->subscribeJobEvents([this](const JobEvent &e) { onJobEvent(e); });
    m_indexWasLoading = m_engine->isIndexLoading();

    auto *timer = new QTimer(this);
    timer->setInterval(1000);
    connect(timer, &QTimer::timeout, this, &EngineHost::pollMetrics);
    timer->start();
}

void EngineHost::onJobEvent(const JobEvent &e)
{
    std::lock_guard guard(m_jobMutex);
    if (e.progress)
        m_progress = e.progress;
    else if (e.isEnd() && m_progress && m_progress->jobId == e.jobId)
        m_progress.reset();
    // A batch the GUI has not taken yet is replaced by the newer one: a fast job cannot flood the
    // event loop. Anything else keeps its place, so the order of events holds.
    if (e.kind == JobEventKind::Progress && !m_pendingJobEvents.empty()) {
        JobEvent &last = m_pendingJobEvents.back();
        if (last.kind == JobEventKind::Progress && last.jobId == e.jobId) {
            last = e;
            return;
        }
    }
    m_pendingJobEvents.push_back(e);
    if (m_pendingJobEvents.size() == 1)
        QMetaObject::invokeMethod(this, &EngineHost::deliverJobEvents, Qt::QueuedConnection);
}

void EngineHost::deliverJobEvents()
{
    std::deque<JobEvent> events;
    {
        std::lock_guard guard(m_jobMutex);
        events.swap(m_pendingJobEvents);
    }
    for (const JobEvent &e : events)
        emit jobChanged(e);
}

std::optional<JobProgress> EngineHost::runningJob() const
{
    std::lock_guard guard(m_jobMutex);
    return m_progress;
}

void EngineHost::pollMetrics()
{
    if (!isOpen())
        return;
    if (m_indexWasLoading && !m_engine->isIndexLoading()) {
        m_indexWasLoading = false;
        emit indexLoaded();
    }
    // An in-memory snapshot the sampler thread wrote; no I/O here.
    const MetricsPoint point = m_engine->latestMetrics();
    if (point.timestampMs == 0 || point.timestampMs == m_lastMetricsMs)
        return;
    m_lastMetricsMs = point.timestampMs;
    emit metricsTick(point);
}

void EngineHost::shutdown()
{
    if (m_closing)
        return;
    m_closing = true;
    emit shuttingDown();
    if (!m_engine) {
        QMetaObject::invokeMethod(this, &EngineHost::closed, Qt::QueuedConnection);
        return;
    }
    m_jobSubscription.reset(); // waits for a delivery in progress: none reaches the host after this
    m_engine->cancelMaintenance(); // a rebuild or re-embed on the pool stops, keeping the old state
    Engine *raw = m_engine.release();
    QThreadPool *pool = &m_pool;
    QPointer<EngineHost> self(this);
    std::thread([self, raw, pool] {
        pool->waitForDone();   // running searches and page queries finish first
        delete raw;            // cancels a running job at a batch boundary, saves the index
        log::flush();
        QMetaObject::invokeMethod(
            qApp, [self] {
                if (EngineHost *host = self.data())
                    emit host->closed();
            },
            Qt::QueuedConnection);
    }).detach();
}

} // namespace kms::ui
