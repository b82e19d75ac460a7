// SPDX-License-Identifier: MIT
#pragma once

#include "dashboard/DashboardData.h"
#include "dashboard/MetricChart.h"

#include <QDateTime>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QTimer;

namespace kms {
struct JobProgress;
struct MetricsPoint;
}

namespace kms::ui {

class EngineHost;
class StatTile;

// The live dashboard: tiles (records per collection, index, last job, data directory, process)
// and charts of the engine's per-second metrics over a selectable window. The window's history is
// read from the persisted metrics, so the charts survive a restart; live points arrive with
// EngineHost::metricsTick. Every read runs on the host's pool.
class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardPage(EngineHost *host, QWidget *parent = nullptr);

    ChartWindow chartWindow() const { return m_window; }
    MetricChart *chart(const QString &objectName) const;

public slots:
    // Shows the charts over another window (reloads its history).
    void setChartWindow(kms::ui::ChartWindow window);
    void refreshSummary();

signals:
    void historyLoaded();
    void summaryLoaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildTiles();
    void buildCharts();
    void onOpened(bool ok);
    void onMetrics(const kms::MetricsPoint &point);
    void loadHistory();
    void applySummary(const DashboardSummary &summary);
    void showEmbedder(const EmbedderInfo &embedder, qint64 backlog);
    void showWorkers(const DashboardSummary &s);
    QList<ChartMarker> markersFor(const QList<JobInfo> &jobs, qint64 fromMs) const;
    void showRunningJob(const kms::JobProgress &progress);

    EngineHost *m_host;
    ChartWindow m_window = ChartWindow::FiveMinutes;
    QList<MetricChart *> m_charts;
    MetricChart *m_throughput = nullptr;
    StatTile *m_cases = nullptr;
    StatTile *m_articles = nullptr;
    StatTile *m_index = nullptr;
    StatTile *m_embedder = nullptr;
    StatTile *m_lastJob = nullptr;
    StatTile *m_dataDir = nullptr;
    StatTile *m_process = nullptr;
    StatTile *m_workers = nullptr; // shown only when a Redis URL is set
    QButtonGroup *m_windowButtons = nullptr;
    QLabel *m_state = nullptr;
    QTimer *m_summaryTimer = nullptr;

    int m_historyGeneration = 0;
    bool m_historyLoading = false;
    QList<std::pair<qint64, QHash<QString, double>>> m_liveWhileLoading;
    bool m_summaryInFlight = false;
    bool m_summaryAgain = false;
    bool m_indexPollQueued = false; // a summary refresh is due while the index loads
    QList<JobInfo> m_windowJobs; // for the markers, refreshed with the tiles
    qint64 m_runningJobId = 0;   // the last-job tile follows this job's batches
    QDateTime m_runningJobStart;
};

} // namespace kms::ui
