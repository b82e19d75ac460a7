// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class QStatusBar;
class QSystemTrayIcon;

namespace kms {
struct JobInfo;
}

namespace kms::ui {

class EngineHost;

// Tells the user when a job ends or fails: a desktop notification through the system tray, or a
// status-bar message when there is no tray (offscreen, some desktops). Every notification is also
// emitted as notified(), which is what tests observe.
class JobNotifier : public QObject
{
    Q_OBJECT
public:
    JobNotifier(EngineHost *host, QStatusBar *fallback, QObject *parent = nullptr);

    // Off: the status bar only, even where a tray exists.
    void setTrayAllowed(bool allowed) { m_trayAllowed = allowed; }

    static QString title(const kms::JobInfo &job);
    static QString message(const kms::JobInfo &job);

signals:
    void notified(const QString &title, const QString &message, bool viaTray);

private:
    void notify(const kms::JobInfo &job);
    QSystemTrayIcon *tray();

    QPointer<QStatusBar> m_fallback;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_trayAllowed = true;
};

} // namespace kms::ui
