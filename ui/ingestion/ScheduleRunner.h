// SPDX-License-Identifier: MIT
#pragma once

#include "engine/Engine.h"

#include <QList>
#include <QObject>

class QTimer;

namespace kms::ui {

class EngineHost;

// Runs due scheduled syncs while the application is open. A timer on the GUI thread that only asks
// the engine, in the background, to queue what is due (Engine::runDueSchedules): a job still
// queued or running for a schedule is not queued twice, and runs missed while the application was
// closed run once, at the first check after the engine opened.
class ScheduleRunner : public QObject
{
    Q_OBJECT
public:
    explicit ScheduleRunner(EngineHost *host, QObject *parent = nullptr);

    void setCheckInterval(int ms); // default 15 s
    int checkInterval() const;
    void checkNow();

signals:
    // After every check that queued something or could not (results with a job id or a note).
    void ran(const QList<kms::ScheduleRunResult> &results);

private:
    EngineHost *m_host;
    QTimer *m_timer;
    bool m_busy = false;
};

} // namespace kms::ui
