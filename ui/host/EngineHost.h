// SPDX-License-Identifier: MIT
#pragma once

#include "engine/Engine.h"
#include "ingest/IngestPipeline.h"
#include "ingest/JobEvents.h"
#include "metrics/Metrics.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <deque>

#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <variant>

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
    // Exceptions never leave the worker and never pass for a result: a failed task skips then(),
    // calls failed(message) in context's thread when given, logs the message and emits
    // taskFailed(), so the window can say that something went wrong instead of showing an empty
    // answer as if it were the real one.
    template<typename Work, typename Then, typename Failed = std::nullptr_t>
    void run(QObject *context, Work work, Then then, Failed failed = nullptr)
    {
        using R = std::invoke_result_t<Work, Engine &>;
        using Value = std::conditional_t<std::is_void_v<R>, std::monostate, R>;
        struct Outcome {
            std::optional<Value> value; // empty: the task failed
            QString error;
        };
        if (!isOpen())
            return;
        Engine *engine = m_engine.get();
        QFuture<Outcome> future = QtConcurrent::run(&m_pool, [engine, work = std::move(work)]() mutable -> Outcome {
            try {
                if constexpr (std::is_void_v<R>) {
                    work(*engine);
                    return {Value{}, {}};
                } else {
                    return {work(*engine), {}};
                }
            } catch (const std::exception &e) {
                return {std::nullopt, QString::fromUtf8(e.what())};
            } catch (...) {
                return {std::nullopt, QStringLiteral("unknown exception")};
            }
        });
        // A continuation attached to a future that has already finished runs inside then(), i.e.
        // inside this call; callers set their state after run(), so the result always takes one
        // more turn of the event loop (the context is alive here: then() guarantees it).
        auto deliver = std::make_shared<Then>(std::move(then));
        auto fail = std::make_shared<Failed>(std::move(failed));
        QPointer<EngineHost> self(this);
        future.then(context, [context, deliver, fail, self](Outcome outcome) {
            auto shared = std::make_shared<Outcome>(std::move(outcome));
            QMetaObject::invokeMethod(context, [deliver, fail, self, shared] {
                if (!shared->value) {
                    if (self)
                        self->reportTaskFailure(shared->error);
                    if constexpr (!std::is_same_v<Failed, std::nullptr_t>)
                        (*fail)(shared->error);
                    return;
                }
                if constexpr (std::is_void_v<R>)
                    (*deliver)();
                else
                    (*deliver)(std::move(*shared->value));
            }, Qt::QueuedConnection);
        });
    }

    // The engine itself, for a service that serves from threads of its own (the REST API server)
    // and stops when shuttingDown() is emitted, before the engine closes; null while not open.
    // Never for work on the GUI thread: that goes through run().
    Engine *engineForService() const { return isOpen() ? m_engine.get() : nullptr; }

    // The vector index is still loading in the background (Engine::isIndexLoading; no I/O).
    bool isIndexLoading() const { return isOpen() && m_engine->isIndexLoading(); }

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
    // The vector index finished loading in the background (seen within a second of it).
    void indexLoaded();
    // A background task threw instead of answering (run()); message is what it threw.
    void taskFailed(const QString &message);

private:
    void reportTaskFailure(const QString &message); // on the GUI thread: logs, emits taskFailed()
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
    bool m_indexWasLoading = false;

    mutable std::mutex m_jobMutex;
    std::optional<JobProgress> m_progress; // of the running job, as of its latest event
    std::deque<JobEvent> m_pendingJobEvents; // published, not yet emitted
    // Declared last, so it goes first: no event arrives for a host being destroyed.
    JobEventStream::Subscription m_jobSubscription;
};

} // namespace kms::ui
