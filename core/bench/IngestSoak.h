// SPDX-License-Identifier: MIT
#pragma once

#include "model/Job.h"

#include <QList>
#include <QString>

#include <functional>

namespace kms {

// What `kmsctl benchmark --soak` runs: a generated corpus (1,000,000 records by default) loaded into
// a fresh data directory while one thread searches without pause (keyword, vector and hybrid in
// turn, the case titles of the corpus as queries), then the same corpus again with a share of the
// records changed (a re-sync). It samples the process's RSS every second and records every batch
// commit, so the report gives the ingestion rate and search latency per slice of the load, RSS over
// time, and at the end the store's counts against the input and the integrity check (every stored
// vector in the index, nothing extra).
struct SoakOptions {
    qint64 cases = 950'000;
    qint64 articles = 50'000;
    int changedPercent = 5;          // of the records, changed for the re-sync
    qint64 sliceRecords = 100'000;   // rows of the per-slice table
    QString workDir;                 // corpus files and data directory; empty: temporary, removed after
};

struct SoakLatency {
    QString mode;                    // keyword, vector, hybrid
    qint64 searches = 0;
    double p50Ms = 0, p95Ms = 0, maxMs = 0; // wall time of Engine::search on the searching thread
};

struct SoakSlice {
    qint64 fromRecords = 0, toRecords = 0; // committed records at the slice's start and end
    double seconds = 0;
    double recordsPerSecond = 0;
    qint64 searches = 0;
    double searchP95Ms = 0;          // all modes together
    qint64 rssPeakBytes = 0;
};

struct SoakPhase {
    QString name;                    // "load", "re-sync"
    double seconds = 0;
    double recordsPerSecond = 0;
    JobCounts counts;
    QList<SoakLatency> latency;
};

struct SoakReport {
    QString error;                   // set when the soak could not run or a job did not complete
    qint64 inputRecords = 0;
    qint64 changedRecords = 0;
    QList<SoakPhase> phases;
    QList<SoakSlice> slices;         // of the load
    QList<QPair<double, qint64>> rss; // (seconds since the load started, bytes), every second
    qint64 rssPeakBytes = 0;
    qint64 storedRecords = 0;        // live records in the store at the end
    qint64 indexVectors = 0;         // live vectors in the index at the end
    bool integrityOk = false;
    qint64 missingFromIndex = 0, extraInIndex = 0, recordsWithoutVector = 0;
    QStringList integrityProblems;
    double integritySeconds = 0;
    double corpusBytes = 0;
    qint64 dataDirectoryBytes = 0;
};

// `say` gets one line per phase and one per slice while the load runs.
SoakReport runIngestSoak(const SoakOptions &options, const std::function<void(const QString &)> &say);

} // namespace kms
