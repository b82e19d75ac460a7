// SPDX-License-Identifier: MIT
#pragma once

#include "health/IntegrityCheck.h"

#include <QElapsedTimer>
#include <QGroupBox>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace kms::ui {

class EngineHost;

// The result of a vector index rebuild, as the panel shows it.
struct RebuildOutcome {
    bool ok = false;
    bool cancelled = false;
    QString error;
    qint64 vectors = 0;
    double seconds = 0;
};

// Integrity check and vector index rebuild: both run on the host's pool with a progress bar and a
// cancel button; the verdict stays on the panel until the next run. Disabled while an ingestion
// job runs (the engine refuses then, and says so, should a job start in between).
class MaintenancePanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit MaintenancePanel(EngineHost *host, QWidget *parent = nullptr);
    ~MaintenancePanel() override;

    bool isBusy() const { return m_state != nullptr; }

public slots:
    void startIntegrityCheck();
    void startRebuild();
    void cancel();

signals:
    void started();
    // An operation ended, whatever its outcome; the page refreshes its cards.
    void finished();

private:
    struct Shared; // progress written by the worker, read by the poll timer
    void begin(int kind);
    void end();
    void pollProgress();
    void updateButtons();
    void showIntegrity(const IntegrityReport &report);
    void showRebuild(const RebuildOutcome &outcome);
    void setResult(const QString &html, const QString &status);

    EngineHost *m_host;
    QPushButton *m_integrity;
    QPushButton *m_rebuild;
    QWidget *m_progressRow;
    QLabel *m_phase;
    QProgressBar *m_bar;
    QLabel *m_elapsed;
    QPushButton *m_cancel;
    QLabel *m_result;
    QTimer *m_poll;
    QElapsedTimer m_clock;
    std::shared_ptr<Shared> m_state;
    bool m_jobRunning = false;
};

} // namespace kms::ui
