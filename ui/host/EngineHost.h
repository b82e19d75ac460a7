// SPDX-License-Identifier: MIT
#pragma once

#include "engine/Engine.h"
#include "ingest/IngestPipeline.h"
#include "ingest/JobEvents.h"
#include "metrics/Metrics.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <deque>

#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>

namespace kms::ui {

// Owns the engine for the GUI. The GUI thread never touches the store, the index or the embedder:
// every engine call goes through run(), which executes the work on the host's own pool and hands the
// result back on the context object's thread — or drops it when the context is gone, so a closed
// page never receives a late answer. Engine events (the job event stream, the per-second metrics
// point) arrive as signals on the GUI thread.
class EngineHost : public QObject
{
    Q_OBJECT
public:
    explicit EngineHost(QObject *parent = nullptr);
    ~EngineHost() override; // only after closed(): the engine is already gone then

    // Opens the data directory in the background; emits opened().
    void open(const Engine::Options &options);
    bool isOpen() const { return m_engine != nullptr && !m_closing; }
    bool isClosing() const { return m_closing; }
    QString dataDirectory() const { return m_dataDirectory; }

    // Cancels the running job at a batch boundary, waits for running work, saves the index and
    // releases the data directory, all off the GUI thread; emits closed().
    void shutdown();

    // Runs work(Engine &) on the pool, then then(result) in context's thread while context lives.
    // Exceptions never leave the worker: they are logged and the result is default-constructed.
    template<typename Work, typename Then>
    void run(QObject *context, Work work, Then then)
    {
        using R = std::invoke_result_t<Work, Engine &>;
        if (!isOpen())
            return;
        Engine *engine = m_engine.get();
        QFuture<R> future = QtConcurrent::run(&m_pool, [engine, work = std::move(work)]() mutable -> R {
            try {
                return work(*engine);
            } catch (const std::exception &e) {
                logWorkerException(e.what());
            } catch (...) {
                logWorkerException("unknown exception");
            }
            if constexpr (!std::is_void_v<R>)
                return R{};
        });
        // A continuation attached to a future that has already finished runs inside then(), i.e.
        // inside this call; callers set their state after run(), so the result always takes one
        // more turn of the event loop (the context is alive here: then() guarantees it).
        auto deliver = std::make_shared<Then>(std::move(then));
        if constexpr (std::is_void_v<R>) {
            future.then(context, [context, deliver]() {
                QMetaObject::invokeMethod(context, [deliver] { (*deliver)(); }, Qt::QueuedConnection);
            });
        } else {
            future.then(context, [context, deliver](R result) {
                auto value = std::make_shared<R>(std::move(result));
                QMetaObject::invokeMethod(context, [deliver, value] { (*deliver)(std::move(*value)); },
                                          Qt::QueuedConnection);
            });
        }
    }

    // The progress of the running job, if any (cached from its last event).
    std::optional<JobProgress> runningJob() const;

signals:
    void opened(bool ok, const QString &error);
    // shutdown() has begun: pages cancel their long work now, since the engine closes only after
    // the host's running tasks have returned.
    void shuttingDown();
    void closed();
    // Every job event of the engine, in order, on the GUI thread: queued, started, progress
    // (consecutive batches of a job the GUI has not taken yet collapse into the newest), paused,
    // resumed, finished, failed, cancelled. The only way job state reaches the pages.
    void jobChanged(const kms::JobEvent &event);
    // The engine's newest per-second metrics point (about once a second while open).
    void metricsTick(const kms::MetricsPoint &point);

private:
    static void logWorkerException(const char *what);
    void adopt(std::unique_ptr<Engine> engine, const QString &error);
    void attach();
    void pollMetrics();
    void onJobEvent(const JobEvent &event); // on the publishing thread
    void deliverJobEvents();

    std::unique_ptr<Engine> m_engine;
    QThreadPool m_pool;
    QString m_dataDirectory;
    bool m_closing = false;
    qint64 m_lastMetricsMs = 0;

    mutable std::mutex m_jobMutex;
    std::optional<JobProgress> m_progress; // of the running job, as of its latest event
    std::deque<JobEvent> m_pendingJobEvents; // published, not yet emitted
    // Declared last, so it goes first: no event arrives for a host being destroyed.
    JobEventStream::Subscription m_jobSubscription;
};

} // namespace kms::ui
