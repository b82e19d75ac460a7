// SPDX-License-Identifier: MIT
#include "healthpage/MaintenancePanel.h"

#include "host/EngineHost.h"
#include "log/Log.h"
#include "widgets/Format.h"
#include "widgets/StatusBadge.h"
#include "widgets/StatusStyle.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#include <atomic>
#include <mutex>

namespace kms::ui {

namespace {
enum Kind { Integrity, Rebuild };

QString phaseTitle(IntegrityPhase p)
{
    switch (p) {
    case IntegrityPhase::Database: return MaintenancePanel::tr("Database pages");
    case IntegrityPhase::FullText: return MaintenancePanel::tr("Full-text index");
    case IntegrityPhase::VectorIndex: return MaintenancePanel::tr("Vector index against the stored vectors");
    case IntegrityPhase::IndexFile: return MaintenancePanel::tr("Vector index file");
    }
    return {};
}
} // namespace

struct MaintenancePanel::Shared {
    std::atomic<bool> cancel{false};
    std::mutex mutex;
    int kind = Integrity;
    IntegrityPhase phase = IntegrityPhase::Database;
    qint64 done = 0;
    qint64 total = 0;
};

MaintenancePanel::MaintenancePanel(EngineHost *host, QWidget *parent)
    : QGroupBox(tr("Maintenance"), parent)
    , m_host(host)
    , m_integrity(new QPushButton(tr("Check integrity"), this))
    , m_rebuild(new QPushButton(tr("Rebuild vector index"), this))
    , m_progressRow(new QWidget(this))
    , m_phase(new QLabel(m_progressRow))
    , m_bar(new QProgressBar(m_progressRow))
    , m_elapsed(new QLabel(m_progressRow))
    , m_cancel(new QPushButton(tr("Cancel"), m_progressRow))
    , m_result(new QLabel(this))
    , m_poll(new QTimer(this))
{
    setObjectName(QStringLiteral("maintenance"));
    m_integrity->setObjectName(QStringLiteral("integrityButton"));
    m_integrity->setToolTip(tr("Reads every database page, the full-text index, every stored vector and the "
                               "index file, and reports what does not match. Nothing is changed."));
    m_rebuild->setObjectName(QStringLiteral("rebuildButton"));
    m_rebuild->setToolTip(tr("Builds a new vector index from the vectors in the database and replaces the "
                             "current one when it is complete. Searches keep using the current index meanwhile."));
    m_cancel->setObjectName(QStringLiteral("cancelMaintenanceButton"));
    m_bar->setObjectName(QStringLiteral("maintenanceProgress"));
    m_bar->setAccessibleName(tr("Maintenance progress"));
    m_phase->setObjectName(QStringLiteral("maintenancePhase"));
    m_result->setObjectName(QStringLiteral("maintenanceResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setText(tr("No check has run in this session."));

    auto *note = new QLabel(tr("Ingestion jobs wait while either runs; searches go on."), this);
    QPalette muted = note->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    note->setPalette(muted);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_integrity);
    buttons->addWidget(m_rebuild);
    buttons->addSpacing(12);
    buttons->addWidget(note, 1);

    auto *progress = new QHBoxLayout(m_progressRow);
    progress->setContentsMargins(0, 0, 0, 0);
    progress->addWidget(m_phase, 2);
    progress->addWidget(m_bar, 3);
    progress->addWidget(m_elapsed);
    progress->addWidget(m_cancel);
    m_progressRow->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_progressRow);
    layout->addWidget(m_result);

    connect(m_integrity, &QPushButton::clicked, this, &MaintenancePanel::startIntegrityCheck);
    connect(m_rebuild, &QPushButton::clicked, this, &MaintenancePanel::startRebuild);
    connect(m_cancel, &QPushButton::clicked, this, &MaintenancePanel::cancel);
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, &MaintenancePanel::pollProgress);

    connect(host, &EngineHost::opened, this, [this] {
        m_jobRunning = m_host->runningJob().has_value();
        updateButtons();
    });
    connect(host, &EngineHost::jobChanged, this, [this](const JobEvent &e) {
        // A queued job does not stop maintenance (it waits for it); a running one does.
        const bool running = e.isEnd() ? false : e.progress ? true : m_jobRunning;
        if (running != m_jobRunning) {
            m_jobRunning = running;
            updateButtons();
        }
    });
    // The engine closes only after the pool's tasks return: do not make the user wait for them.
    connect(host, &EngineHost::shuttingDown, this, &MaintenancePanel::cancel);
    updateButtons();
}

MaintenancePanel::~MaintenancePanel()
{
    cancel();
}

void MaintenancePanel::updateButtons()
{
    const bool can = m_host->isOpen() && !isBusy() && !m_jobRunning;
    m_integrity->setEnabled(can);
    m_rebuild->setEnabled(can);
    const QString why = m_jobRunning ? tr("Available when the running ingestion job has finished.") : QString();
    m_integrity->setStatusTip(why);
    m_rebuild->setStatusTip(why);
}

void MaintenancePanel::begin(int kind)
{
    m_state = std::make_shared<Shared>();
    m_state->kind = kind;
    m_clock.start();
    m_bar->setRange(0, 0);
    m_phase->setText(kind == Integrity ? tr("Starting the integrity check …") : tr("Starting the rebuild …"));
    m_elapsed->setText(format::duration(0));
    m_cancel->setEnabled(true);
    m_progressRow->show();
    m_poll->start();
    updateButtons();
    emit started();
}

void MaintenancePanel::end()
{
    m_state.reset();
    m_poll->stop();
    m_progressRow->hide();
    updateButtons();
    emit finished();
}

void MaintenancePanel::startIntegrityCheck()
{
    if (isBusy() || !m_host->isOpen())
        return;
    begin(Integrity);
    std::shared_ptr<Shared> state = m_state;
    m_host->run(
        this,
        [state](Engine &e) {
            return e.checkIntegrity([state](const IntegrityProgress &p) {
                std::lock_guard guard(state->mutex);
                state->phase = p.phase;
                state->done = p.done;
                state->total = p.total;
            }, &state->cancel);
        },
        [this](IntegrityReport report) {
            end();
            showIntegrity(report);
        });
}

void MaintenancePanel::startRebuild()
{
    if (isBusy() || !m_host->isOpen())
        return;
    begin(Rebuild);
    std::shared_ptr<Shared> state = m_state;
    m_host->run(
        this,
        [state](Engine &e) {
            QElapsedTimer clock;
            clock.start();
            RebuildOutcome out;
            out.ok = e.rebuildIndex([state](qint64 done, qint64 total) {
                std::lock_guard guard(state->mutex);
                state->done = done;
                state->total = total;
            }, &state->cancel, &out.error);
            out.cancelled = !out.ok && state->cancel.load();
            {
                std::lock_guard guard(state->mutex);
                out.vectors = state->done; // the last progress call counts every vector added
            }
            out.seconds = double(clock.nsecsElapsed()) / 1e9;
            return out;
        },
        [this](RebuildOutcome outcome) {
            end();
            showRebuild(outcome);
        });
}

void MaintenancePanel::cancel()
{
    if (!m_state)
        return;
    m_state->cancel = true;
    m_cancel->setEnabled(false);
    m_phase->setText(tr("Cancelling …"));
}

void MaintenancePanel::pollProgress()
{
    if (!m_state)
        return;
    m_elapsed->setText(format::duration(double(m_clock.elapsed()) / 1000.0));
    if (m_state->cancel.load())
        return;
    IntegrityPhase phase;
    qint64 done, total;
    {
        std::lock_guard guard(m_state->mutex);
        phase = m_state->phase;
        done = m_state->done;
        total = m_state->total;
    }
    // One SQLite statement reports no steps: a busy bar then, a counting one when we know the total.
    if (total > 0) {
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(1000 * std::min(done, total) / total));
    } else {
        m_bar->setRange(0, 0);
    }
    if (m_state->kind == Rebuild) {
        m_phase->setText(total > 0 ? tr("Rebuilding: %1 of %2 vectors").arg(format::count(done), format::count(total))
                                   : tr("Rebuilding: reading the stored vectors …"));
        return;
    }
    const QString step = tr("Step %1 of %2: %3").arg(int(phase) + 1).arg(kIntegrityPhaseCount).arg(phaseTitle(phase));
    m_phase->setText(total > 0 ? tr("%1 (%2 of %3)").arg(step, format::count(done), format::count(total)) : step);
}

void MaintenancePanel::setResult(const QString &html, const QString &status)
{
    m_result->setText(html);
    m_result->setProperty("status", status); // "healthy" / "unhealthy" / "" for tests and styling
}

void MaintenancePanel::showIntegrity(const IntegrityReport &r)
{
    if (!r.error.isEmpty()) {
        setResult(tr("<b>The integrity check could not run:</b> %1").arg(r.error.toHtmlEscaped()), QString());
        return;
    }
    if (r.cancelled) {
        setResult(tr("Integrity check cancelled after %1; no verdict.").arg(format::elapsed(r.seconds)), QString());
        return;
    }
    QString list;
    for (const IntegrityFinding &f : r.findings) {
        const QString colour = statusstyle::textColor(f.ok ? statusstyle::Tone::Ok : statusstyle::Tone::Error).name();
        list += QStringLiteral("<li><span style=\"color:%1\">%2</span> <b>%3:</b> %4</li>")
                    .arg(colour, f.ok ? QStringLiteral("✔") : QStringLiteral("✘"), phaseTitle(f.phase).toHtmlEscaped(),
                         f.message == QLatin1String("ok") ? tr("no problems") : f.message.toHtmlEscaped());
    }
    const QString when = QLocale().toString(QTime::currentTime(), QLocale::ShortFormat);
    const QString green = statusstyle::textColor(statusstyle::Tone::Ok).name();
    const QString red = statusstyle::textColor(statusstyle::Tone::Error).name();
    const QString took = format::elapsed(r.seconds);
    QString headline;
    if (r.ok())
        headline = tr("<b style=\"color:%1\">No problems found</b> — %2 records, %3 vectors checked in %4 (at %5).")
                       .arg(green, format::count(r.records), format::count(r.vectorsChecked), took, when);
    else if (r.problemCount() == 1)
        headline = tr("<b style=\"color:%1\">1 problem found</b> in %2 (at %3).").arg(red, took, when);
    else
        headline = tr("<b style=\"color:%1\">%2 problems found</b> in %3 (at %4).")
                       .arg(red, format::count(r.problemCount()), took, when);
    bool indexProblem = false;
    for (const IntegrityFinding &f : r.findings)
        indexProblem = indexProblem || (!f.ok && (f.phase == IntegrityPhase::VectorIndex || f.phase == IntegrityPhase::IndexFile));
    const QString hint = indexProblem ? tr("Rebuilding the vector index repairs the index problems.") : QString();
    setResult(headline + QStringLiteral("<ul style=\"margin-top:4px\">") + list + QStringLiteral("</ul>") + hint,
              r.ok() ? QStringLiteral("healthy") : QStringLiteral("unhealthy"));
}

void MaintenancePanel::showRebuild(const RebuildOutcome &o)
{
    if (o.ok) {
        setResult(tr("<b style=\"color:%1\">Vector index rebuilt</b> from the database: %2 vectors in %3.")
                      .arg(statusstyle::textColor(statusstyle::Tone::Ok).name(), format::count(o.vectors), format::elapsed(o.seconds)),
                  QStringLiteral("healthy"));
    } else if (o.cancelled) {
        setResult(tr("Rebuild cancelled after %1; the current index stays in use.").arg(format::elapsed(o.seconds)),
                  QString());
    } else {
        setResult(tr("<b style=\"color:%1\">The rebuild failed:</b> %2")
                      .arg(statusstyle::textColor(statusstyle::Tone::Error).name(), o.error.toHtmlEscaped()),
                  QStringLiteral("unhealthy"));
    }
}

} // namespace kms::ui
