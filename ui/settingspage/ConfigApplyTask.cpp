// SPDX-License-Identifier: MIT
#include "settingspage/ConfigApplyTask.h"

#include "host/EngineHost.h"

namespace kms::ui {

ConfigApplyTask::ConfigApplyTask(EngineHost *host, ConfigChange change)
    : QObject(host)
    , m_change(change)
{
    setObjectName(QStringLiteral("configApplyTask"));
}

ConfigApplyTask *ConfigApplyTask::running(EngineHost *host)
{
    return host->findChild<ConfigApplyTask *>(QStringLiteral("configApplyTask"), Qt::FindDirectChildrenOnly);
}

ConfigApplyTask *ConfigApplyTask::start(EngineHost *host, const EngineConfig &next, ConfigChange change)
{
    if (!host->isOpen() || running(host))
        return nullptr;
    auto *task = new ConfigApplyTask(host, change);
    // The task outlives the work: it is deleted only after the result (host and pool wait for it).
    host->run(task, [task, next, cancel = task->m_cancel](Engine &e) {
        Outcome o;
        const ConfigChange now = configChange(e.config(), next);
        const bool structural = now == ConfigChange::RebuildIndex || now == ConfigChange::Reembed;
        if (structural && e.runningJobProgress()) {
            // The engine would refuse too; said here as a state the page can word itself.
            o.result = Result::JobRunning;
        } else {
            o.ok = e.applyConfig(next, [task](qint64 done, qint64 total) { task->report(done, total); },
                                 cancel.get(), &o.error);
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
