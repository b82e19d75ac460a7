// SPDX-License-Identifier: MIT
#include "dashboard/DashboardPage.h"

#include "dashboard/StatTile.h"
#include "host/EngineHost.h"
#include "log/Log.h"
#include "metrics/Metrics.h"
#include "widgets/Format.h"
#include "widgets/JobText.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

namespace kms::ui {

namespace {

auto logger()
{
    static auto l = log::get("kms.ui.dashboard");
    return l;
}

constexpr int kSummaryIntervalMs = 5000;

QString when(const QDateTime &t)
{
    if (!t.isValid())
        return QStringLiteral("—");
    const QDateTime local = t.toLocalTime();
    if (local.date() == QDate::currentDate())
        return QLocale().toString(local.time(), QLocale::ShortFormat);
    return QLocale().toString(local, QLocale::ShortFormat);
}

} // namespace

DashboardPage::DashboardPage(EngineHost *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_windowButtons(new QButtonGroup(this))
    , m_state(new QLabel(this))
    , m_summaryTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("dashboard"));

    auto *tiles = new QHBoxLayout;
    tiles->setSpacing(8);
    buildTiles();
    for (StatTile *tile : {m_cases, m_articles, m_index, m_embedder, m_workers, m_lastJob, m_dataDir, m_process})
        tiles->addWidget(tile, 1);
    m_workers->hide();

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Time window:"), this));
    const std::pair<ChartWindow, QString> windows[] = {{ChartWindow::FiveMinutes, tr("5 min")},
                                                       {ChartWindow::OneHour, tr("1 h")},
                                                       {ChartWindow::OneDay, tr("24 h")}};
    const char *names[] = {"window5m", "window1h", "window24h"};
    for (int i = 0; i < 3; ++i) {
        auto *button = new QToolButton(this);
        button->setObjectName(QLatin1String(names[i]));
        button->setText(windows[i].second);
        button->setAccessibleName(tr("Show the last %1").arg(windows[i].second));
        button->setCheckable(true);
        button->setChecked(windows[i].first == m_window);
        button->setAutoRaise(false);
        m_windowButtons->addButton(button, int(windows[i].first));
        bar->addWidget(button);
    }
    m_windowButtons->setExclusive(true);
    connect(m_windowButtons, &QButtonGroup::idClicked, this,
            [this](int id) { setChartWindow(ChartWindow(id)); });
    bar->addSpacing(12);
    m_state->setObjectName(QStringLiteral("dashboardState"));
    m_state->setForegroundRole(QPalette::PlaceholderText);
    bar->addWidget(m_state, 1);

    buildCharts();
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(6);
    for (int i = 0; i < m_charts.size(); ++i)
        grid->addWidget(m_charts[i], i / 2, i % 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 6);
    layout->setSpacing(8);
    layout->addLayout(tiles);
    layout->addLayout(bar);
    layout->addLayout(grid, 1);

    m_summaryTimer->setInterval(kSummaryIntervalMs);
    connect(m_summaryTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refreshSummary();
    });

    connect(host, &EngineHost::opened, this, [this](bool ok, const QString &) { onOpened(ok); });
    connect(host, &EngineHost::metricsTick, this, &DashboardPage::onMetrics);
    connect(host, &EngineHost::indexLoaded, this, &DashboardPage::refreshSummary);
    connect(host, &EngineHost::jobChanged, this, [this](const JobEvent &e) {
        if (e.isStateChange())
            refreshSummary();
        else if (e.progress && e.jobId == m_runningJobId)
            showRunningJob(*e.progress);
    });
    connect(host, &EngineHost::closed, this, [this] {
        m_summaryTimer->stop();
        setEnabled(false);
    });

    setEnabled(false);
    m_state->setText(tr("Waiting for the data directory …"));
    if (host->isOpen())
        onOpened(true);
}

void DashboardPage::buildTiles()
{
    m_cases = new StatTile(QStringLiteral("casesTile"), tr("Cases"), this);
    m_articles = new StatTile(QStringLiteral("articlesTile"), tr("Knowledge articles"), this);
    m_index = new StatTile(QStringLiteral("indexTile"), tr("Vector index"), this);
    m_embedder = new StatTile(QStringLiteral("embedderTile"), tr("Embedder"), this);
    m_lastJob = new StatTile(QStringLiteral("lastJobTile"), tr("Last job"), this);
    m_dataDir = new StatTile(QStringLiteral("dataDirTile"), tr("Data directory"), this);
    m_process = new StatTile(QStringLiteral("processTile"), tr("Memory (RSS)"), this);
    m_workers = new StatTile(QStringLiteral("workersTile"), tr("Workers"), this);
}

void DashboardPage::showWorkers(const DashboardSummary &s)
{
    m_workers->setVisible(s.workersConfigured);
    if (!s.workersConfigured)
        return;
    if (!s.workersError.isEmpty()) {
        m_workers->setValue(QStringLiteral("—"), tr("Redis unreachable: jobs embed locally"));
        m_workers->setValueColor(QColor(0xe0, 0x7b, 0x12));
        m_workers->setToolTip(s.workersError);
        return;
    }
    QStringList hosts;
    QStringList tip;
    for (const WorkerInfo &w : s.workers) {
        if (!hosts.contains(w.host))
            hosts << w.host;
        tip << tr("%1: %2 batches, %3 rec/s, last seen %4")
                   .arg(w.host, format::count(w.batches), QLocale().toString(w.rate, 'f', 1),
                        QLocale().toString(w.lastSeen.toLocalTime().time(), QLocale::ShortFormat));
    }
    m_workers->setValue(format::count(s.workers.size()),
                        hosts.isEmpty() ? tr("no worker is running") : hosts.join(QStringLiteral(", ")));
    m_workers->setValueColor({});
    m_workers->setToolTip(tip.join(QLatin1Char('\n')));
}

MetricChart *DashboardPage::chart(const QString &objectName) const
{
    for (MetricChart *c : m_charts)
        if (c->objectName() == objectName)
            return c;
    return nullptr;
}

void DashboardPage::onOpened(bool ok)
{
    if (!ok) {
        m_state->setText(tr("The data directory is not open."));
        return;
    }
    setEnabled(true);
    m_state->clear();
    m_summaryTimer->start();
    loadHistory();
    refreshSummary();
}

void DashboardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_host->isOpen())
        refreshSummary();
}

void DashboardPage::setChartWindow(ChartWindow window)
{
    if (auto *button = m_windowButtons->button(int(window)))
        button->setChecked(true);
    if (window == m_window && m_historyLoading)
        return;
    m_window = window;
    loadHistory();
    refreshSummary(); // the markers depend on the window
}

void DashboardPage::loadHistory()
{
    if (!m_host->isOpen())
        return;
    const WindowSpec spec = windowSpec(m_window);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QStringList metrics;
    for (MetricChart *c : std::as_const(m_charts)) {
        c->setWindow(spec.spanMs, spec.bucketMs, now);
        metrics << c->metricNames();
    }
    const int generation = ++m_historyGeneration;
    m_historyLoading = true;
    m_liveWhileLoading.clear();
    m_state->setText(tr("Loading history …"));
    m_host->run(
        this, [metrics, spec](Engine &e) { return kms::ui::loadHistory(e, metrics, spec); },
        [this, generation](DashboardHistory history) {
            if (generation != m_historyGeneration)
                return; // another window was chosen meanwhile
            m_historyLoading = false;
            for (MetricChart *c : std::as_const(m_charts)) {
                c->setHistory(history.series, history.nowMs);
                // Seconds that arrived while the history loaded; the ones it has are skipped.
                for (const auto &[ts, values] : std::as_const(m_liveWhileLoading))
                    c->addSample(ts, values);
            }
            m_liveWhileLoading.clear();
            m_throughput->setMarkers(markersFor(m_windowJobs, history.nowMs - windowSpec(m_window).spanMs));
            m_state->clear();
            logger()->debug("dashboard history loaded: {} metrics", history.series.size());
            emit historyLoaded();
        });
}

void DashboardPage::onMetrics(const MetricsPoint &point)
{
    QHash<QString, double> values;
    for (const auto &[name, value] : namedValues(point))
        values.insert(name, value);
    if (m_historyLoading)
        m_liveWhileLoading.append({point.timestampMs, values});
    for (MetricChart *c : std::as_const(m_charts))
        c->addSample(point.timestampMs, values);
    m_process->setValue(format::bytes(point.rssBytes),
                        tr("CPU %1 % of one core").arg(QLocale().toString(point.cpuPercent, 'f', 0)));
}

void DashboardPage::refreshSummary()
{
    if (!m_host->isOpen())
        return;
    if (m_summaryInFlight) {
        m_summaryAgain = true; // one more when this one is back, not one per request
        return;
    }
    m_summaryInFlight = true;
    const qint64 since = QDateTime::currentMSecsSinceEpoch() - windowSpec(m_window).spanMs;
    m_host->run(
        this, [since](Engine &e) { return loadSummary(e, since); },
        [this](DashboardSummary summary) {
            m_summaryInFlight = false;
            if (summary.loaded)
                applySummary(summary);
            if (m_summaryAgain) {
                m_summaryAgain = false;
                refreshSummary();
            }
        });
}

void DashboardPage::showEmbedder(const EmbedderInfo &e, qint64 backlog)
{
    // Its rate, latency and cache hits are the charts' (throughput, the embed stage, cache).
    QString name = e.provider;
    if (e.provider == u"hash")
        name = tr("Built in");
    else if (e.provider == u"lsa")
        name = tr("LSA");
    else if (e.provider == u"openai")
        name = tr("Server");
    else if (e.provider == u"bert")
        name = tr("Local model");
    QStringList detail{backlog > 0 ? tr("%1 waiting for a vector").arg(format::count(backlog)) : tr("no backlog")};
    if (e.remote)
        detail << tr("%1 requests, %2 retries").arg(format::count(e.usage.requests), format::count(e.usage.retries));
    m_embedder->setValue(tr("%1 · %2 d").arg(name, QLocale().toString(e.dimension)), detail.join(QStringLiteral(" · ")));
    m_embedder->setValueColor(backlog > 0 || !e.usage.lastError.isEmpty() ? QColor(0xe0, 0x7b, 0x12) : QColor());
    QString tip = e.id;
    if (!e.usage.lastError.isEmpty())
        tip += QLatin1Char('\n') + tr("Last error: %1").arg(e.usage.lastError);
    m_embedder->setToolTip(tip);
}

void DashboardPage::applySummary(const DashboardSummary &s)
{
    m_cases->setValue(format::count(s.counts.cases), tr("%1 records in all").arg(format::count(s.counts.total())));
    m_articles->setValue(format::count(s.counts.knowledge),
                         tr("%1 stored embeddings").arg(format::count(s.counts.embeddings)));
    if (s.indexLoading) {
        // The store is usable already; vector search waits for this (keyword-only answers meanwhile).
        m_index->setValue(tr("Loading …"), tr("%1 vectors in the index file (%2), %3 s so far")
                                               .arg(format::count(s.indexVectors), format::bytes(double(s.indexFileBytes)))
                                               .arg(s.indexLoadingForMs / 1000));
        m_index->setValueColor(QColor(0xe0, 0x7b, 0x12));
        if (!m_indexPollQueued) {
            m_indexPollQueued = true; // one poll chain, however many summaries arrive meanwhile
            QTimer::singleShot(1000, this, [this] {
                m_indexPollQueued = false;
                if (isVisible())
                    refreshSummary(); // the tile counts the seconds until indexLoaded() arrives
            });
        }
    } else {
        m_index->setValue(format::count(s.indexVectors), tr("vectors; index file %1").arg(format::bytes(double(s.indexFileBytes))));
        m_index->setValueColor({});
    }
    m_dataDir->setValue(format::bytes(double(s.dataDirBytes)), m_host->dataDirectory());
    m_dataDir->setToolTip(m_host->dataDirectory());
    showEmbedder(s.embedder, s.vectorBacklog);
    showWorkers(s);

    if (s.jobs.isEmpty()) {
        m_lastJob->setValue(tr("None"), tr("No ingestion job has run yet"));
        m_lastJob->setValueColor({});
        m_runningJobId = 0;
    } else {
        const JobInfo &job = s.jobs.first();
        const QDateTime at = job.finishedAt.isValid() ? job.finishedAt : job.startedAt;
        m_lastJob->setValue(jobtext::status(job.status),
                            tr("#%1 at %2: %3 records, %4")
                                .arg(job.id)
                                .arg(when(at), format::count(job.counts.processed()), format::rate(job.recordsPerSecond)));
        m_lastJob->setValueColor(jobtext::statusColor(job.status));
        m_lastJob->setToolTip(job.error.isEmpty() ? job.source : job.error);
        // A running job's row has no rate yet: its batches bring one.
        const bool running = job.status == JobStatus::Running || job.status == JobStatus::Paused;
        m_runningJobId = running ? job.id : 0;
        m_runningJobStart = job.startedAt;
        if (const auto p = m_host->runningJob(); running && p && p->jobId == job.id)
            showRunningJob(*p);
    }
    m_windowJobs = s.jobs;
    m_throughput->setMarkers(markersFor(m_windowJobs, QDateTime::currentMSecsSinceEpoch() - windowSpec(m_window).spanMs));
    emit summaryLoaded();
}

void DashboardPage::showRunningJob(const JobProgress &p)
{
    m_lastJob->setValue(jobtext::status(p.status),
                        tr("#%1 since %2: %3 records, %4")
                            .arg(p.jobId)
                            .arg(when(m_runningJobStart), format::count(p.counts.processed()),
                                 format::rate(p.recordsPerSecond)));
    m_lastJob->setValueColor(jobtext::statusColor(p.status));
}

QList<ChartMarker> DashboardPage::markersFor(const QList<JobInfo> &jobs, qint64 fromMs) const
{
    QList<ChartMarker> markers;
    for (const JobInfo &job : jobs) {
        if (job.startedAt.isValid() && job.startedAt.toMSecsSinceEpoch() >= fromMs)
            markers.append({job.startedAt.toMSecsSinceEpoch(), ChartMarker::Kind::JobStart,
                            tr("Job #%1 started").arg(job.id)});
        if (job.finishedAt.isValid() && job.finishedAt.toMSecsSinceEpoch() >= fromMs) {
            const bool failed = job.status == JobStatus::Failed;
            markers.append({job.finishedAt.toMSecsSinceEpoch(),
                            failed ? ChartMarker::Kind::JobFailed : ChartMarker::Kind::JobEnd,
                            tr("Job #%1 ended (%2): %3")
                                .arg(job.id)
                                .arg(jobtext::status(job.status), jobtext::counts(job.counts))});
        }
    }
    return markers;
}

} // namespace kms::ui
