// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QTimer;

namespace kms {
struct JobProgress;
struct JobInfo;
}

namespace kms::ui {

class EngineHost;
class StatusDot;

// The right side of the status bar: the running job (id, progress, rate, time left) and the store's
// health at a glance. Health is checked in the background every 30 s, after each job and when the
// vector index has finished loading.
class StatusPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StatusPanel(EngineHost *host, QWidget *parent = nullptr);

    QString jobText() const;
    QString healthText() const;

public slots:
    void checkHealth();

signals:
    void healthChecked(const QString &status); // "healthy", "degraded", "unhealthy"

private:
    void showProgress(const kms::JobProgress &p);
    void showIdle();
    void refreshJobState();

    EngineHost *m_host;
    QLabel *m_job;
    QProgressBar *m_progress;
    StatusDot *m_dot;
    QLabel *m_health;
    QTimer *m_healthTimer;
    qint64 m_shownJob = 0;
    bool m_healthInFlight = false;
    bool m_healthAgain = false; // asked for while one was in flight
};

} // namespace kms::ui
