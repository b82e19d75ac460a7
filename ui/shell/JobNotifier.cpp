// SPDX-License-Identifier: MIT
#include "shell/JobNotifier.h"

#include "host/EngineHost.h"
#include "widgets/Format.h"
#include "widgets/JobText.h"

#include <QApplication>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QWidget>

namespace kms::ui {

namespace {
constexpr int kStatusMessageMs = 20'000;
constexpr int kTrayMessageMs = 10'000;
} // namespace

JobNotifier::JobNotifier(EngineHost *host, QStatusBar *fallback, QObject *parent)
    : QObject(parent)
    , m_fallback(fallback)
{
    setObjectName(QStringLiteral("jobNotifier"));
    connect(host, &EngineHost::jobChanged, this, [this](const JobEvent &e) {
        if (e.isEnd())
            notify(e.job);
    });
}

QString JobNotifier::title(const JobInfo &job)
{
    switch (job.status) {
    case JobStatus::Completed: return tr("Job #%1 completed").arg(job.id);
    case JobStatus::Failed: return tr("Job #%1 failed").arg(job.id);
    case JobStatus::Cancelled: return tr("Job #%1 cancelled").arg(job.id);
    default: break;
    }
    return tr("Job #%1 ended (%2)").arg(job.id).arg(jobtext::status(job.status));
}

QString JobNotifier::message(const JobInfo &job)
{
    const QString counts = jobtext::counts(job.counts);
    if (job.status == JobStatus::Failed && !job.error.isEmpty())
        return tr("%1. %2").arg(job.error, counts);
    if (job.startedAt.isValid() && job.finishedAt.isValid()) {
        const double seconds = double(job.startedAt.msecsTo(job.finishedAt)) / 1000.0;
        return tr("%1, in %2 at %3").arg(counts, format::duration(seconds), format::rate(job.recordsPerSecond));
    }
    return counts;
}

QSystemTrayIcon *JobNotifier::tray()
{
    if (!m_trayAllowed || !QSystemTrayIcon::isSystemTrayAvailable() || !QSystemTrayIcon::supportsMessages())
        return nullptr;
    if (!m_tray) {
        QIcon icon = QApplication::windowIcon();
        if (icon.isNull())
            icon = QApplication::style()->standardIcon(QStyle::SP_ComputerIcon);
        m_tray = new QSystemTrayIcon(icon, this);
        m_tray->setToolTip(QApplication::applicationDisplayName());
        // A click on the message brings the window up.
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (auto *window = qobject_cast<QWidget *>(parent())) {
                window->showNormal();
                window->raise();
                window->activateWindow();
            }
        });
        m_tray->show();
    }
    return m_tray;
}

void JobNotifier::notify(const JobInfo &job)
{
    const QString heading = title(job);
    const QString text = message(job);
    if (QSystemTrayIcon *icon = tray()) {
        const auto kind = job.status == JobStatus::Failed      ? QSystemTrayIcon::Critical
                          : job.status == JobStatus::Cancelled ? QSystemTrayIcon::Warning
                                                               : QSystemTrayIcon::Information;
        icon->showMessage(heading, text, kind, kTrayMessageMs);
        emit notified(heading, text, true);
        return;
    }
    if (QStatusBar *bar = m_fallback.data())
        bar->showMessage(tr("%1: %2").arg(heading, text), kStatusMessageMs);
    emit notified(heading, text, false);
}

} // namespace kms::ui
