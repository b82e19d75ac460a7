// SPDX-License-Identifier: MIT
#include "ingestion/JobRunPanel.h"

#include "host/EngineHost.h"
#include "ingestion/JobHistoryModel.h"
#include "widgets/Format.h"
#include "widgets/StatusStyle.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QCoreApplication>
#include <QPointer>
#include <QStyle>

#include <mutex>
#include <utility>

namespace kms::ui {

namespace {
constexpr int kBarRange = 1000;

struct CancelOutcome {
    bool ok = false;
    bool stillActive = false;
};
} // namespace

// Shared between the GUI and the pool thread that runs the dry run: cancel() may come before the
// pipeline exists, while it runs, or after it ended.
struct JobRunPanel::DryRunControl {
    std::mutex mutex;
    IngestPipeline *pipeline = nullptr;
    bool cancelled = false;
    std::optional<JobProgress> latest; // newest batch not yet shown

    void attach(IngestPipeline &p)
    {
        std::lock_guard guard(mutex);
        pipeline = &p;
        if (cancelled)
            p.cancel();
    }
    void detach()
    {
        std::lock_guard guard(mutex);
        pipeline = nullptr;
    }
    void cancel()
    {
        std::lock_guard guard(mutex);
        cancelled = true;
        if (pipeline)
            pipeline->cancel();
    }
    // From the pipeline's writer thread; true when the GUI has to be told (nothing pending yet).
    bool offer(const JobProgress &p)
    {
        std::lock_guard guard(mutex);
        const bool first = !latest;
        latest = p;
        return first;
    }
    std::optional<JobProgress> take()
    {
        std::lock_guard guard(mutex);
        return std::exchange(latest, std::nullopt);
    }
};

JobRunPanel::JobRunPanel(EngineHost *host, Prepare prepare, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_prepare(std::move(prepare))
    , m_dryRunButton(new QPushButton(tr("Dry run"), this))
    , m_start(new QPushButton(tr("Start"), this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_resume(new QPushButton(tr("Resume"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_bar(new QProgressBar(this))
    , m_progress(new QLabel(this))
    , m_dryRunResult(new QLabel(this))
{
    m_dryRunButton->setObjectName(QStringLiteral("dryRunButton"));
    m_dryRunButton->setToolTip(tr("Count new, changed, unchanged and invalid records without writing anything"));
    m_start->setObjectName(QStringLiteral("startButton"));
    m_start->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_start->setDefault(true);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    m_resume->setObjectName(QStringLiteral("resumeButton"));
    m_resume->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    m_cancel->setToolTip(tr("Stop after the current batch; committed batches stay"));
    m_bar->setObjectName(QStringLiteral("progressBar"));
    m_bar->setAccessibleName(tr("Job progress"));
    m_bar->setRange(0, kBarRange);
    m_bar->setValue(0);
    m_bar->setMinimumWidth(200);
    m_progress->setObjectName(QStringLiteral("progressLabel"));
    m_progress->setTextFormat(Qt::PlainText);
    m_progress->setWordWrap(true);
    m_progress->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dryRunResult->setObjectName(QStringLiteral("dryRunResult"));
    m_dryRunResult->setTextFormat(Qt::PlainText);
    m_dryRunResult->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_dryRunButton);
    buttons->addSpacing(12);
    buttons->addWidget(m_start);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_resume);
    buttons->addWidget(m_cancel);
    buttons->addSpacing(12);
    buttons->addWidget(m_bar, 1);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons, 0, 0, 1, 2);
    layout->addWidget(m_dryRunResult, 1, 0);
    layout->addWidget(m_progress, 1, 1);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(1, 1);

    connect(m_start, &QPushButton::clicked, this, &JobRunPanel::start);
    connect(m_pause, &QPushButton::clicked, this, &JobRunPanel::pause);
    connect(m_resume, &QPushButton::clicked, this, &JobRunPanel::resume);
    connect(m_cancel, &QPushButton::clicked, this, &JobRunPanel::cancel);
    connect(m_dryRunButton, &QPushButton::clicked, this, &JobRunPanel::toggleDryRun);
    connect(host, &EngineHost::jobChanged, this, &JobRunPanel::onJobEvent);
    // The engine closes only when the host's pool is idle: a long dry run must not hold it up.
    connect(host, &EngineHost::shuttingDown, this, [this] {
        if (m_dryRun)
            m_dryRun->cancel();
    });
    setState(State::Idle);
}

JobRunPanel::~JobRunPanel()
{
    if (m_dryRun)
        m_dryRun->cancel(); // the pool thread finishes it; its result is dropped with this panel
}

void JobRunPanel::setStartable(bool startable)
{
    m_startable = startable;
    setState(m_state);
}

void JobRunPanel::setState(State s)
{
    const bool changed = m_state != s;
    m_state = s;
    if (changed)
        emit stateChanged(m_jobId, s);
    const bool open = m_host->isOpen();
    m_start->setEnabled(open && m_startable);
    m_dryRunButton->setEnabled(open && (m_startable || m_dryRun));
    m_pause->setEnabled(open && s == State::Running);
    m_resume->setEnabled(open && s == State::Paused);
    m_cancel->setEnabled(open && s != State::Idle);
}

void JobRunPanel::showMessage(const QString &text, bool error)
{
    statusstyle::setTone(m_progress, error ? statusstyle::Tone::Error : statusstyle::Tone::Neutral);
    m_progress->setText(text);
}

void JobRunPanel::start()
{
    QString why;
    const std::optional<IngestOptions> options = m_prepare(&why);
    if (!options) {
        showMessage(tr("Cannot start: %1").arg(why), true);
        return;
    }
    m_start->setEnabled(false);
    m_bar->setValue(0); // the bar of the previous job goes
    m_host->run(this, [o = *options](Engine &e) {
        QString error;
        const qint64 id = e.submitJob(o, &error);
        return std::make_pair(id, error);
    }, [this](const std::pair<qint64, QString> &r) {
        setState(m_state);
        if (r.first <= 0) {
            showMessage(tr("Cannot queue the job: %1").arg(r.second), true);
            return;
        }
        onQueued(r.first);
    });
}

void JobRunPanel::onQueued(qint64 id)
{
    // The job's own events may have come before this answer (a small job can even have ended):
    // what they showed stands.
    const auto ended = m_recentEnds.constFind(id);
    if (m_jobId == id && (m_state != State::Idle || ended != m_recentEnds.constEnd())) {
        emit jobQueued(id);
        return;
    }
    m_jobId = id;
    m_bar->setValue(0);
    showMessage(tr("Job %1 queued").arg(id), false);
    setState(State::Queued);
    if (ended != m_recentEnds.constEnd())
        onFinished(*ended);
    else if (const auto p = m_host->runningJob(); p && p->jobId == id)
        onProgress(*p);
    emit jobQueued(id);
}

void JobRunPanel::onJobEvent(const JobEvent &e)
{
    if (e.isEnd()) {
        // Kept for a moment: the answer of the submit that queued it may still be on its way.
        if (m_recentEnds.size() >= 64)
            m_recentEnds.clear();
        m_recentEnds.insert(e.jobId, e.job);
        onFinished(e.job);
        return;
    }
    if (!e.progress)
        return;
    if ((e.kind == JobEventKind::Paused || e.kind == JobEventKind::Resumed) && e.jobId == m_jobId
        && m_state != State::Idle)
        setState(e.kind == JobEventKind::Paused ? State::Paused : State::Running);
    onProgress(*e.progress);
}

void JobRunPanel::pause()
{
    const qint64 id = m_jobId;
    m_host->run(this, [id](Engine &e) { return e.pauseJob(id); }, [this, id](bool ok) {
        if (id != m_jobId || m_state == State::Idle)
            return; // it ended meanwhile
        if (!ok) {
            showMessage(tr("Job %1 is not running, so it cannot be paused (a queued job can be cancelled)").arg(id), true);
            return;
        }
        setState(State::Paused);
        showMessage(tr("Job %1 paused: it holds after the current batch").arg(id), false);
    });
}

void JobRunPanel::resume()
{
    const qint64 id = m_jobId;
    m_host->run(this, [id](Engine &e) { return e.resumeJob(id); }, [this, id](bool ok) {
        if (id != m_jobId || !ok || m_state == State::Idle)
            return;
        setState(State::Running);
        showMessage(tr("Job %1 resumed").arg(id), false);
    });
}

void JobRunPanel::cancel()
{
    const qint64 id = m_jobId;
    m_cancel->setEnabled(false);
    m_host->run(this, [id](Engine &e) {
        CancelOutcome c;
        c.ok = e.cancelJob(id);
        c.stillActive = e.isJobActive(id);
        return c;
    }, [this, id](const CancelOutcome &c) {
        if (id != m_jobId || m_state == State::Idle)
            return; // its end has been reported already
        if (c.ok && !c.stillActive) { // its Cancelled event is on its way; say it now
            setState(State::Idle);
            showMessage(tr("Job %1 cancelled before it started").arg(id), false);
        } else if (c.ok) {
            showMessage(tr("Job %1: cancelling after the current batch …").arg(id), false);
        } else {
            setState(m_state);
        }
    });
}

void JobRunPanel::onProgress(const JobProgress &p)
{
    if (m_state == State::Idle || p.jobId != m_jobId) {
        if (m_state != State::Idle)
            return; // someone else's job while ours waits in the queue
        m_jobId = p.jobId; // a job started elsewhere (a scheduled sync): show it
    }
    if (m_state != State::Paused)
        setState(p.status == JobStatus::Paused ? State::Paused : State::Running);
    showProgress(p);
}

void JobRunPanel::showProgress(const JobProgress &p)
{
    m_bar->setValue(int(std::clamp(p.fraction(), 0.0, 1.0) * kBarRange));
    const QString counts = tr("%1 records (%2 new, %3 updated, %4 unchanged, %5 rejected)")
                               .arg(format::count(p.counts.processed()), format::count(p.counts.inserted),
                                    format::count(p.counts.updated), format::count(p.counts.unchanged),
                                    format::count(p.counts.rejected));
    if (m_state == State::Paused) {
        showMessage(tr("Job %1 paused — %2").arg(p.jobId).arg(counts), false);
        return;
    }
    showMessage(tr("Job %1 running — %2 · %3 · ETA %4")
                    .arg(QString::number(p.jobId), counts, format::rate(p.recordsPerSecond),
                         format::duration(p.etaSeconds)), false);
}

void JobRunPanel::onFinished(const JobInfo &job)
{
    if (job.id != m_jobId || m_state == State::Idle)
        return;
    setState(State::Idle);
    const JobCounts &c = job.counts;
    const double seconds = job.startedAt.isValid() && job.finishedAt.isValid()
                               ? double(job.startedAt.msecsTo(job.finishedAt)) / 1000.0 : -1;
    switch (job.status) {
    case JobStatus::Completed:
        m_bar->setValue(kBarRange);
        showMessage(tr("Job %1 completed in %2: %3 new, %4 updated, %5 unchanged, %6 rejected (%7)")
                        .arg(QString::number(job.id), format::duration(seconds), format::count(c.inserted),
                             format::count(c.updated), format::count(c.unchanged), format::count(c.rejected),
                             format::rate(job.recordsPerSecond)), false);
        break;
    case JobStatus::Cancelled:
        if (!job.startedAt.isValid()) {
            showMessage(tr("Job %1 cancelled before it started").arg(job.id), false);
            break;
        }
        showMessage(tr("Job %1 cancelled: %2 records stored in whole batches, nothing half-written")
                        .arg(job.id).arg(format::count(c.inserted + c.updated)), false);
        break;
    default:
        showMessage(tr("Job %1 %2: %3").arg(job.id).arg(JobHistoryModel::statusText(job.status), job.error), true);
        break;
    }
}

void JobRunPanel::showDryRunProgress(const std::shared_ptr<DryRunControl> &control)
{
    const std::optional<JobProgress> p = control->take();
    if (m_dryRun != control || !p)
        return; // finished (or replaced) meanwhile: the result is shown instead
    m_dryRunResult->setText(tr("Dry run: %1 records classified (%2)…")
                                .arg(format::count(p->counts.processed()), format::percent(p->fraction())));
}

void JobRunPanel::toggleDryRun()
{
    if (m_dryRun) {
        m_dryRun->cancel();
        m_dryRunResult->setText(tr("Dry run: cancelling …"));
        return;
    }
    QString why;
    std::optional<IngestOptions> options = m_prepare(&why);
    if (!options) {
        statusstyle::setTone(m_dryRunResult, statusstyle::Tone::Error);
        m_dryRunResult->setText(tr("Cannot run a dry run: %1").arg(why));
        return;
    }
    auto control = std::make_shared<DryRunControl>();
    m_dryRun = control;
    m_dryRunButton->setText(tr("Cancel dry run"));
    statusstyle::setTone(m_dryRunResult, statusstyle::Tone::Neutral);
    m_dryRunResult->setText(tr("Dry run: reading …"));
    setState(m_state);
    QPointer<JobRunPanel> self(this);
    m_host->run(this, [control, self, o = *options](Engine &e) {
        JobProgress p = e.dryRun(o, [control, self](IngestPipeline &pipeline) {
            control->attach(pipeline);
            // A dry run is not a job (no row, no job events): its batches come to this panel only.
            pipeline.setBatchCommittedCallback([control, self](const JobProgress &batch) {
                if (control->offer(batch))
                    QMetaObject::invokeMethod(qApp, [control, self] {
                        if (JobRunPanel *panel = self.data())
                            panel->showDryRunProgress(control);
                    }, Qt::QueuedConnection);
            });
        });
        control->detach();
        return p;
    }, [this, control](const JobProgress &p) {
        if (m_dryRun == control)
            m_dryRun.reset();
        m_dryRunButton->setText(tr("Dry run"));
        setState(m_state);
        const JobCounts &c = p.counts;
        const QString counts = tr("%1 new, %2 changed, %3 unchanged, %4 invalid")
                                   .arg(format::count(c.inserted), format::count(c.updated),
                                        format::count(c.unchanged), format::count(c.rejected));
        if (p.status == JobStatus::Failed || p.status == JobStatus::Queued) { // Queued: it never ran (threw)
            statusstyle::setTone(m_dryRunResult, statusstyle::Tone::Error);
            m_dryRunResult->setText(tr("Dry run failed: %1").arg(p.error.isEmpty() ? tr("see the log") : p.error));
        } else if (p.status == JobStatus::Cancelled) {
            m_dryRunResult->setText(tr("Dry run cancelled after %1 records: %2").arg(format::count(c.processed()), counts));
        } else {
            m_dryRunResult->setText(tr("Dry run: %1 — nothing written").arg(counts));
        }
    });
}

} // namespace kms::ui
