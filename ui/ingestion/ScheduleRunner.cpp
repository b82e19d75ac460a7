// SPDX-License-Identifier: MIT
#include "ingestion/ScheduleRunner.h"

#include "host/EngineHost.h"

#include <QDateTime>
#include <QTimer>


namespace kms::ui {

ScheduleRunner::ScheduleRunner(EngineHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(15000);
    connect(m_timer, &QTimer::timeout, this, &ScheduleRunner::checkNow);
    connect(host, &EngineHost::opened, this, [this](bool ok) {
        if (!ok)
            return;
        checkNow(); // runs missed while the application was closed
        m_timer->start();
    });
    connect(host, &EngineHost::closed, m_timer, &QTimer::stop);
    if (host->isOpen())
        m_timer->start();
}

void ScheduleRunner::setCheckInterval(int ms)
{
    m_timer->setInterval(ms);
}

int ScheduleRunner::checkInterval() const
{
    return m_timer->interval();
}

void ScheduleRunner::checkNow()
{
    if (m_busy || !m_host->isOpen())
        return;
    m_busy = true;
    m_host->run(this, [](Engine &e) { return e.runDueSchedules(QDateTime::currentDateTimeUtc()); },
                [this](const QList<ScheduleRunResult> &results) {
                    m_busy = false;
                    if (results.isEmpty())
                        return;
                    emit ran(results);
                });
}

} // namespace kms::ui
