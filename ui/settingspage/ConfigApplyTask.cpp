// SPDX-License-Identifier: MIT
#include "settingspage/ConfigApplyTask.h"

#include "engine/Engine.h"
#include "host/EngineHost.h"

namespace kms::ui {

ConfigApplyTask::ConfigApplyTask(EngineHost *host, ConfigChange change, Work work)
    : QObject(host)
    , m_change(change)
    , m_work(work)
{
    setObjectName(QStringLiteral("configApplyTask"));
}

ConfigApplyTask *ConfigApplyTask::running(EngineHost *host)
{
    return host->findChild<ConfigApplyTask *>(QStringLiteral("configApplyTask"), Qt::FindDirectChildrenOnly);
}

ConfigApplyTask *ConfigApplyTask::launch(EngineHost *host, ConfigChange change, Work work,
                                         std::function<bool(Engine &, ConfigApplyTask *, QString *)> body)
{
    if (!host->isOpen() || running(host))
        return nullptr;
    auto *task = new ConfigApplyTask(host, change, work);
    // The task outlives the work: it is deleted only after the result (host and pool wait for it).
    host->run(task, [task, body = std::move(body), cancel = task->m_cancel, change](Engine &e) {
        Outcome o;
        const bool structural = change == ConfigChange::RebuildIndex || change == ConfigChange::Reembed;
        if (structural && e.runningJobProgress()) {
            // The engine would refuse too; said here as a state the page can word itself.
            o.result = Result::JobRunning;
        } else {
            o.ok = body(e, task, &o.error);
            o.result = o.ok ? Result::Applied : cancel->load() ? Result::Cancelled : Result::Failed;
        }
        o.config = e.config();
        o.embedder = e.embedderInfo();
        o.records = e.counts().total();
        return o;
    }, [task](Outcome o) {
        task->setObjectName(QString()); // no longer "running" for pages built from here on
        emit task->finished(o);
        task->deleteLater();
    });
    return task;
}

ConfigApplyTask *ConfigApplyTask::start(EngineHost *host, const EngineConfig &next, ConfigChange change)
{
    return launch(host, change, Work::Apply, [next](Engine &e, ConfigApplyTask *task, QString *error) {
        return e.applyConfig(next, [task](qint64 done, qint64 total) { task->report(done, total); },
                             task->m_cancel.get(), error);
    });
}

ConfigApplyTask *ConfigApplyTask::startTraining(EngineHost *host, int rank)
{
    return launch(host, ConfigChange::Reembed, Work::TrainLsa, [rank](Engine &e, ConfigApplyTask *task, QString *error) {
        return e.trainLsa(rank, [task](const QString &stage, qint64 done, qint64 total) {
            task->reportStage(stage, done, total);
        }, task->m_cancel.get(), error);
    });
}

ConfigApplyTask *ConfigApplyTask::startReembed(EngineHost *host)
{
    return launch(host, ConfigChange::Reembed, Work::Reembed, [](Engine &e, ConfigApplyTask *task, QString *error) {
        return e.reembed([task](qint64 done, qint64 total) { task->report(done, total); }, task->m_cancel.get(),
                         error);
    });
}

QString ConfigApplyTask::stage() const
{
    std::lock_guard lock(m_stageMutex);
    return m_stage;
}

void ConfigApplyTask::reportStage(const QString &stage, qint64 done, qint64 total)
{
    {
        std::lock_guard lock(m_stageMutex);
        m_stage = stage;
    }
    report(done, total);
}

void ConfigApplyTask::report(qint64 done, qint64 total)
{
    m_done = done;
    m_total = total;
    // At most one delivery queued: a fast walk reports thousands of times a second.
    if (!m_pending.exchange(true))
        QMetaObject::invokeMethod(this, &ConfigApplyTask::deliver, Qt::QueuedConnection);
}

void ConfigApplyTask::deliver()
{
    m_pending = false;
    emit progressed(m_done.load(), m_total.load());
}

} // namespace kms::ui
