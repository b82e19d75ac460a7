// SPDX-License-Identifier: MIT
#pragma once

#include "config/EngineConfig.h"
#include "engine/EmbedderInfo.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace kms {
class Engine;
}

namespace kms::ui {

class EngineHost;

// One long engine change running on the host's pool: Engine::applyConfig(), training an LSA model
// (Engine::trainLsa(), which switches to it) or re-embedding with the embedder in use
// (Engine::reembed()). It belongs to the host, not to the page that started it: a page rebuilt
// meanwhile (language switch) finds it with running() and shows its progress again. Progress
// arrives coalesced on the GUI thread; the task deletes itself after finished().
class ConfigApplyTask : public QObject
{
    Q_OBJECT
public:
    enum class Result { Applied, Cancelled, JobRunning, Failed };
    enum class Work { Apply, TrainLsa, Reembed };
    struct Outcome {
        bool ok = false;
        Result result = Result::Failed;
        QString error;             // the engine's message (English, names the key)
        EngineConfig config;       // what the engine uses afterwards
        EmbedderInfo embedder;
        qint64 records = 0;
    };

    // Starts applying `next`; null when the host is not open or a task is already running.
    static ConfigApplyTask *start(EngineHost *host, const EngineConfig &next, ConfigChange change);
    // Trains an LSA model of `rank` dimensions on the stored records and switches to it.
    static ConfigApplyTask *startTraining(EngineHost *host, int rank);
    // Re-embeds every record with the embedder in use (its server or model changed behind it).
    static ConfigApplyTask *startReembed(EngineHost *host);
    static ConfigApplyTask *running(EngineHost *host);

    ConfigChange change() const { return m_change; }
    Work work() const { return m_work; }
    QString stage() const; // training: the step the engine named ("reading records", ...)
    qint64 done() const { return m_done.load(); }
    qint64 total() const { return m_total.load(); }
    void cancel() { m_cancel->store(true); }
    bool isCancelling() const { return m_cancel->load(); }

signals:
    void progressed(qint64 done, qint64 total);
    void finished(const kms::ui::ConfigApplyTask::Outcome &outcome);

private:
    ConfigApplyTask(EngineHost *host, ConfigChange change, Work work);
    // Runs `body` (true when it succeeded) on the host's pool and reports its outcome.
    static ConfigApplyTask *launch(EngineHost *host, ConfigChange change, Work work,
                                   std::function<bool(Engine &, ConfigApplyTask *, QString *)> body);
    void report(qint64 done, qint64 total); // any thread
    void reportStage(const QString &stage, qint64 done, qint64 total); // any thread
    void deliver();

    ConfigChange m_change;
    Work m_work;
    mutable std::mutex m_stageMutex;
    QString m_stage;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    std::atomic<qint64> m_done{0};
    std::atomic<qint64> m_total{0};
    std::atomic<bool> m_pending{false};
};

} // namespace kms::ui
