// SPDX-License-Identifier: MIT
#pragma once

#include "config/EngineConfig.h"
#include "engine/EmbedderInfo.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace kms::ui {

class EngineHost;

// One Engine::applyConfig() running on the host's pool. It belongs to the host, not to the page
// that started it: a page rebuilt meanwhile (language switch) finds it with running() and shows
// its progress again. Progress arrives coalesced on the GUI thread; the task deletes itself after
// finished().
class ConfigApplyTask : public QObject
{
    Q_OBJECT
public:
    enum class Result { Applied, Cancelled, JobRunning, Failed };
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
    static ConfigApplyTask *running(EngineHost *host);

    ConfigChange change() const { return m_change; }
    qint64 done() const { return m_done.load(); }
    qint64 total() const { return m_total.load(); }
    void cancel() { m_cancel->store(true); }
    bool isCancelling() const { return m_cancel->load(); }

signals:
    void progressed(qint64 done, qint64 total);
    void finished(const kms::ui::ConfigApplyTask::Outcome &outcome);

private:
    ConfigApplyTask(EngineHost *host, ConfigChange change);
    void report(qint64 done, qint64 total); // any thread
    void deliver();

    ConfigChange m_change;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    std::atomic<qint64> m_done{0};
    std::atomic<qint64> m_total{0};
    std::atomic<bool> m_pending{false};
};

} // namespace kms::ui
