// SPDX-License-Identifier: MIT
#pragma once
// What the dashboard reads from the engine, as value types, and the functions that read it. The
// functions run on the host's pool (EngineHost::run), never on the GUI thread.

#include "distributed/WorkerRegistry.h"
#include "engine/EmbedderInfo.h"
#include "model/Job.h"
#include "model/MetricBucket.h"
#include "model/StoreCounts.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace kms {
class Engine;
}

namespace kms::ui {

// The chart windows: how far back, and how wide one point is (a day is 720 points).
enum class ChartWindow { FiveMinutes, OneHour, OneDay };
struct WindowSpec {
    qint64 spanMs = 0;
    qint64 bucketMs = 0;
};
WindowSpec windowSpec(ChartWindow w);

// The tiles and the job markers.
struct DashboardSummary {
    bool loaded = false;
    StoreCounts counts;
    qint64 indexVectors = 0;     // while loading: what the file's header says it holds
    bool indexLoading = false;   // the index loads in the background (EngineStatus::Loading)
    qint64 indexLoadingForMs = 0;
    qint64 indexFileBytes = 0;
    qint64 dataDirBytes = 0;
    EmbedderInfo embedder;   // provider, id, a remote one's requests / retries / last error
    qint64 vectorBacklog = 0; // records stored without a vector yet
    // Distributed embedding, when a Redis URL is set: the live workers, or why they cannot be listed.
    bool workersConfigured = false;
    QList<WorkerInfo> workers;
    QString workersError;
    QList<JobInfo> jobs; // newest first: the newest job, and every job that ran since sinceMs
};
DashboardSummary loadSummary(Engine &engine, qint64 sinceMs);

// The charts' history over a window.
struct DashboardHistory {
    qint64 nowMs = 0;
    QHash<QString, QList<MetricBucket>> series;
};
DashboardHistory loadHistory(Engine &engine, const QStringList &metrics, WindowSpec window);

} // namespace kms::ui
