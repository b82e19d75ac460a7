// SPDX-License-Identifier: MIT
#pragma once

#include "model/Record.h"

#include <QDateTime>
#include <QString>

namespace kms {

enum class JobPriority : int { Low = 0, Normal = 1, High = 2 };
enum class JobStatus : int { Queued, Running, Paused, Completed, Failed, Cancelled };
// How workers and batch size are chosen: auto picks from the estimated record count,
// async favours small loads, hybrid larger ones (the old system's modes).
// Distributed: embedding goes to workers on other machines through Redis (core/distributed); the
// rest of the job, and the single writer, stay here.
enum class IngestMode : int { Auto, Async, Hybrid, Distributed };

QString jobPriorityName(JobPriority p);
std::optional<JobPriority> jobPriorityFromName(QStringView name);
QString jobStatusName(JobStatus s);
std::optional<JobStatus> jobStatusFromName(QStringView name);
QString ingestModeName(IngestMode m);
std::optional<IngestMode> ingestModeFromName(QStringView name);

// Per-job counters, as persisted in the jobs table after every committed batch.
struct JobCounts {
    qint64 read = 0;       // records the reader produced (valid or not)
    qint64 inserted = 0;
    qint64 updated = 0;
    qint64 unchanged = 0;  // same content hash as stored: no embedding, no write
    qint64 rejected = 0;
    qint64 adjusted = 0;   // stored after the input rules changed or flagged them (a derived title, an unlisted status)
    qint64 batchesCommitted = 0;

    qint64 processed() const { return inserted + updated + unchanged + rejected; }
    bool operator==(const JobCounts &) const = default;
};

// One row of the jobs table.
struct JobInfo {
    qint64 id = 0;
    QString source;        // file path(s), ';'-separated
    QString optionsJson;   // the options the job ran with, as JSON
    JobStatus status = JobStatus::Queued;
    JobPriority priority = JobPriority::Normal;
    JobCounts counts;
    QDateTime startedAt;
    QDateTime finishedAt;
    double recordsPerSecond = 0;
    QString error;         // why it failed, when it did
};

// A record the pipeline refused: where it came from and why, exactly.
struct RejectInfo {
    qint64 id = 0;
    qint64 jobId = 0;
    QString source;        // file
    qint64 recordNumber = 0; // 1-based record index in the source
    qint64 line = 0;         // 1-based line where the record starts (0 when not line-based)
    QString field;           // offending field, empty when the whole record is bad
    QString reason;
    QString rawData;         // the raw record (truncated to a sane size) for fixing and retrying
};

} // namespace kms
