// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/IngestPipeline.h"
#include "ingest/JobEvents.h"

#include <QHash>

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace kms::ui {

class EngineHost;

// Start, pause, resume and cancel of the page's job, its progress (bar, rate, ETA), and the dry
// run that counts new / changed / unchanged / invalid records before anything is written. Jobs are
// queued through the engine's scheduler; a job another part of the application started (a
// scheduled sync) is shown too, when none of ours is active.
class JobRunPanel : public QWidget
{
    Q_OBJECT
public:
    // prepare() builds the job's options, or says why it cannot start (names the file / field).
    using Prepare = std::function<std::optional<IngestOptions>(QString *why)>;

    JobRunPanel(EngineHost *host, Prepare prepare, QWidget *parent = nullptr);
    ~JobRunPanel() override; // cancels a running dry run

    enum class State { Idle, Queued, Running, Paused };
    State state() const { return m_state; }
    qint64 currentJobId() const { return m_jobId; }
    bool dryRunActive() const { return m_dryRun != nullptr; }
    void setStartable(bool startable);

signals:
    void jobQueued(qint64 jobId);
    void stateChanged(qint64 jobId, kms::ui::JobRunPanel::State state);

private:
    struct DryRunControl;

    void start();
    void pause();
    void resume();
    void cancel();
    void toggleDryRun();
    void onQueued(qint64 id);
    void onJobEvent(const JobEvent &e);
    void onProgress(const JobProgress &p);
    void onFinished(const JobInfo &job);
    void showDryRunProgress(const std::shared_ptr<DryRunControl> &control);
    void setState(State s);
    void showProgress(const JobProgress &p);
    void showMessage(const QString &text, bool error);

    EngineHost *m_host;
    Prepare m_prepare;
    QPushButton *m_dryRunButton;
    QPushButton *m_start;
    QPushButton *m_pause;
    QPushButton *m_resume;
    QPushButton *m_cancel;
    QProgressBar *m_bar;
    QLabel *m_progress;
    QLabel *m_dryRunResult;
    State m_state = State::Idle;
    qint64 m_jobId = 0;
    bool m_startable = false;
    std::shared_ptr<DryRunControl> m_dryRun;
    QHash<qint64, JobInfo> m_recentEnds; // ends of jobs, by id, for submits still answering
};

} // namespace kms::ui
