// SPDX-License-Identifier: MIT
#include "dashboard/DashboardData.h"

#include "engine/Engine.h"
#include "metrics/SystemProbe.h"

#include <QDateTime>
#include <QFileInfo>

namespace kms::ui {

WindowSpec windowSpec(ChartWindow w)
{
    switch (w) {
    case ChartWindow::FiveMinutes: return {5 * 60'000, 1000};
    case ChartWindow::OneHour: return {3600'000, 10'000};
    case ChartWindow::OneDay: return {24 * 3600'000, 120'000};
    }
    return {5 * 60'000, 1000};
}

DashboardSummary loadSummary(Engine &engine, qint64 sinceMs)
{
    DashboardSummary s;
    s.counts = engine.counts();
    const EngineStatus status = engine.status();
    s.indexVectors = status.indexVectors;
    s.indexLoading = status.indexState == EngineStatus::IndexState::Loading;
    s.indexLoadingForMs = status.indexLoadingForMs;
    s.indexFileBytes = QFileInfo(status.indexPath).size();
    s.dataDirBytes = SystemProbe::directoryBytes(status.dataDirectory);
    s.embedder = engine.embedderInfo();
    s.vectorBacklog = engine.vectorBacklog();
    if (!engine.config().redisUrl.isEmpty()) {
        s.workersConfigured = true;
        if (const auto workers = engine.distributedWorkers(&s.workersError))
            s.workers = *workers;
    }
    const QList<JobInfo> jobs = engine.jobs(200);
    for (const JobInfo &job : jobs) {
        const bool ranInWindow = (job.finishedAt.isValid() && job.finishedAt.toMSecsSinceEpoch() >= sinceMs)
                                 || (job.startedAt.isValid() && !job.finishedAt.isValid());
        if (s.jobs.isEmpty() || ranInWindow)
            s.jobs.append(job);
    }
    s.loaded = true;
    return s;
}

DashboardHistory loadHistory(Engine &engine, const QStringList &metrics, WindowSpec window)
{
    DashboardHistory h;
    h.nowMs = QDateTime::currentMSecsSinceEpoch();
    // One bucket more than the window, so the line enters from the left edge.
    h.series = engine.metricSeries(metrics, h.nowMs - window.spanMs - window.bucketMs, h.nowMs, window.bucketMs);
    return h;
}

} // namespace kms::ui
