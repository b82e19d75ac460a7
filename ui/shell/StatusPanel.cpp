// SPDX-License-Identifier: MIT
#include "shell/StatusPanel.h"

#include "host/EngineHost.h"
#include "widgets/Format.h"
#include "widgets/StatusDot.h"
#include "widgets/StatusStyle.h"

#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QStringList>
#include <QTimer>

#include <cmath>

namespace kms::ui {

namespace {

constexpr int kHealthIntervalMs = 30'000;

struct HealthView {
    QString status;  // healthy / degraded / unhealthy; empty when unknown
    QString details; // one line per component that is not healthy
    bool onlyIndexLoading = false; // nothing is wrong but the index, still loading in the background
};

QColor healthColor(const QString &status)
{
    return statusstyle::fillColor(statusstyle::healthTone(status));
}

QString healthLabel(const QString &status)
{
    if (status == QLatin1String("healthy"))
        return StatusPanel::tr("healthy");
    if (status == QLatin1String("degraded"))
        return StatusPanel::tr("degraded");
    if (status == QLatin1String("unhealthy"))
        return StatusPanel::tr("unhealthy");
    return StatusPanel::tr("unknown");
}

} // namespace

StatusPanel::StatusPanel(EngineHost *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_job(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_dot(new StatusDot(this))
    , m_health(new QLabel(this))
    , m_healthTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("statusPanel"));
    m_job->setObjectName(QStringLiteral("jobStatus"));
    m_progress->setObjectName(QStringLiteral("jobProgressBar"));
    m_progress->setRange(0, 100);
    m_progress->setFixedWidth(110);
    m_progress->setMaximumHeight(fontMetrics().height() + 2);
    m_progress->setTextVisible(true);
    m_progress->setAccessibleName(tr("Job progress"));
    m_dot->setObjectName(QStringLiteral("healthDot"));
    m_health->setObjectName(QStringLiteral("healthStatus"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->setSpacing(6);
    layout->addWidget(m_job);
    layout->addWidget(m_progress);
    layout->addSpacing(12);
    layout->addWidget(m_dot);
    layout->addWidget(m_health);
    showIdle();
    m_health->setText(tr("Store: %1").arg(healthLabel({})));

    m_healthTimer->setInterval(kHealthIntervalMs);
    connect(m_healthTimer, &QTimer::timeout, this, &StatusPanel::checkHealth);
    connect(host, &EngineHost::opened, this, [this](bool ok, const QString &) {
        if (!ok)
            return;
        m_healthTimer->start();
        checkHealth();
        if (auto p = m_host->runningJob())
            showProgress(*p);
    });
    connect(host, &EngineHost::closed, m_healthTimer, &QTimer::stop);
    // A store opens with its index still loading (degraded until then): say so at once when it is
    // ready, not at the next 30 s check.
    connect(host, &EngineHost::indexLoaded, this, &StatusPanel::checkHealth);
    connect(host, &EngineHost::jobChanged, this, [this](const JobEvent &e) {
        if (e.progress)
            showProgress(*e.progress);
        if (e.isEnd()) {
            showIdle();
            checkHealth();
        }
        if (e.isStateChange())
            refreshJobState();
    });
}

QString StatusPanel::jobText() const
{
    return m_job->text();
}

QString StatusPanel::healthText() const
{
    return m_health->text();
}

void StatusPanel::showProgress(const JobProgress &p)
{
    if (p.status != JobStatus::Running && p.status != JobStatus::Paused)
        return;
    m_shownJob = p.jobId;
    const int percent = int(std::floor(p.fraction() * 100.0));
    m_progress->setValue(percent);
    m_progress->setVisible(true);
    if (p.status == JobStatus::Paused)
        m_job->setText(tr("Job #%1 paused at %2 %").arg(p.jobId).arg(percent));
    else if (p.etaSeconds >= 0)
        m_job->setText(tr("Job #%1: %2 % at %3, %4 left")
                           .arg(p.jobId)
                           .arg(percent)
                           .arg(format::rate(p.recordsPerSecond), format::duration(p.etaSeconds)));
    else
        m_job->setText(tr("Job #%1: %2 % at %3").arg(p.jobId).arg(percent).arg(format::rate(p.recordsPerSecond)));
}

void StatusPanel::showIdle()
{
    m_shownJob = 0;
    m_progress->setVisible(false);
    m_job->setText(tr("No job running"));
}

void StatusPanel::refreshJobState()
{
    // Pause and resume change no batch counts: ask the store for the shown job's state.
    if (m_shownJob == 0)
        return;
    const qint64 id = m_shownJob;
    m_host->run(this, [id](Engine &e) { return e.job(id); }, [this](std::optional<JobInfo> job) {
        if (!job || job->id != m_shownJob)
            return;
        if (auto p = m_host->runningJob(); p && p->jobId == job->id) {
            JobProgress shown = *p;
            shown.status = job->status;
            showProgress(shown);
        }
    });
}

void StatusPanel::checkHealth()
{
    if (!m_host->isOpen())
        return;
    if (m_healthInFlight) {
        // The answer on its way may predate what asked for this one (the index just loaded).
        m_healthAgain = true;
        return;
    }
    m_healthInFlight = true;
    m_healthAgain = false;
    m_host->run(
        this,
        [](Engine &e) {
            const bool loading = e.isIndexLoading(); // before the check: it may finish meanwhile
            const QJsonObject h = e.health(false);
            HealthView v;
            v.status = h.value(QStringLiteral("status")).toString();
            QStringList notHealthy;
            const QJsonObject components = h.value(QStringLiteral("components")).toObject();
            for (auto it = components.begin(); it != components.end(); ++it) {
                const QJsonObject c = it.value().toObject();
                const QString status = c.value(QStringLiteral("status")).toString();
                if (status != QLatin1String("healthy")) {
                    notHealthy << it.key();
                    v.details.append(QStringLiteral("%1: %2 (%3)\n").arg(it.key(), status,
                                                                        c.value(QStringLiteral("problems")).toString()));
                }
            }
            v.onlyIndexLoading = loading && v.status == QLatin1String("degraded")
                                 && notHealthy == QStringList{QStringLiteral("vector_index")};
            return v;
        },
        [this](HealthView v) {
            m_healthInFlight = false;
            if (m_healthAgain) {
                checkHealth();
                return;
            }
            m_dot->setColor(healthColor(v.status));
            m_health->setText(v.onlyIndexLoading ? tr("Store: vector index loading")
                                                 : tr("Store: %1").arg(healthLabel(v.status)));
            m_health->setToolTip(v.details.isEmpty() ? tr("Every component is healthy.") : v.details.trimmed());
            emit healthChecked(v.status);
        },
        [this](const QString &) { m_healthInFlight = false; }); // the failure is logged and shown by the host
}

} // namespace kms::ui
