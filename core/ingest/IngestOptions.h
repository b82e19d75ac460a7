// SPDX-License-Identifier: MIT
#pragma once

#include "model/Job.h"
#include "model/Record.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace kms {

// What a user asks of one ingestion job (CLI flags, GUI form).
struct IngestOptions {
    QStringList files;
    std::optional<Collection> collection; // unset: per-record "type" column, else guessed from columns
    int workers = 0;                      // 0: from the mode
    int batchSize = 0;                    // 0: from the mode
    JobPriority priority = JobPriority::Normal;
    IngestMode mode = IngestMode::Auto;
    QStringList mappings;                 // "field=column" overrides
    bool dryRun = false;                  // classify only, write nothing
    bool initialLoad = false;             // empty store: skip lookups of existing records

    QJsonObject toJson() const;
    // The inverse of toJson(); absent keys keep their defaults. nullopt + *error on a value that
    // is not understood (e.g. "unknown collection 'tickets2' in the stored options").
    static std::optional<IngestOptions> fromJson(const QJsonObject &o, QString *error = nullptr);
};

// The jobs-table row of a job run with these options: source, options JSON and priority filled in,
// counts and times left for the pipeline. Every place that writes a job row starts from this one.
JobInfo jobRowFor(const IngestOptions &options, qint64 jobId = 0, JobStatus status = JobStatus::Queued);

// Workers and batch size a job runs with, and why.
struct Tuning {
    IngestMode mode = IngestMode::Async; // the concrete mode (never Auto)
    int workers = 1;
    int batchSize = 200;
    qint64 estimatedRecords = 0;
    QString reason;                      // e.g. "auto: ~120000 records -> hybrid, batch 1000"
};

// The old system's modes, re-expressed for one native process: async for small loads (< 5,000
// records, batch 200), hybrid above (batch 500, 1000 from 50,000 records, 5000 from 200,000 unless
// the embedder is expensive); distributed batches as hybrid (the pipeline, not this, switches auto
// to distributed when workers run). Workers default to the core count (a worker is a CPU-bound
// thread here, not an I/O coroutine), up to 128. Explicit workers / batch size always win (batch
// size within EngineConfig::kMinBatchSize..kMaxBatchSize). `expensiveEmbedder` is
// Embedder::isExpensive() of the embedder the job will use (a server or a local transformer).
Tuning chooseTuning(IngestMode mode, qint64 estimatedRecords, int cores, bool expensiveEmbedder,
                    int explicitWorkers, int explicitBatchSize);

// Estimates the record count of files by reading the first records of each (bytes per record
// times file size). Cheap: reads at most ~1 MB per file.
qint64 estimateRecordCount(const QStringList &files);

} // namespace kms
