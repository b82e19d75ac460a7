// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace kms {

// A source re-ingested every N minutes (the old system's "5,000 to 10,000 records every 30
// minutes"). Runs fall on a fixed grid, next_run_at + k * interval, so a sync keeps its rhythm; runs
// missed while nothing was running (the application closed) collapse into one.
struct SyncSchedule {
    qint64 id = 0;
    QString name;
    QJsonObject options;      // IngestOptions::toJson() of the source: files, collection, mappings, ...
    int intervalMinutes = 30;
    bool enabled = true;
    QDateTime createdAt;
    QDateTime nextRunAt;
    QDateTime lastRunAt;      // invalid before the first run
    qint64 lastJobId = 0;     // 0 before the first run

    QStringList files() const; // options["files"]
    bool operator==(const SyncSchedule &) const = default;
};

// The first slot anchor + k * interval (k >= 1 when anchor <= now) strictly after now.
QDateTime nextSlotAfter(const QDateTime &anchor, int intervalMinutes, const QDateTime &now);
// Enabled and its next run is not in the future.
bool isDue(const SyncSchedule &s, const QDateTime &now);

} // namespace kms
