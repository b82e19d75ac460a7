// SPDX-License-Identifier: MIT
#pragma once

#include "search/SearchTypes.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace kms {

class Engine;

// What `kmsctl benchmark` runs: a generated corpus ingested end to end into a fresh data directory,
// each heavy stage alone on the same data, HNSW recall@10 against exact search, and the search
// latency per mode. It lives in core because the stage-alone runs compose the services behind the
// Engine facade, which front ends cannot reach.
struct BenchmarkOptions {
    qint64 cases = 100000;
    std::optional<qint64> articles;     // default cases / 50
    int workers = 0;                    // 0: from the machine
    int batchSize = 0;                  // 0: from the mode
    int queries = 200;                  // recall and latency queries
    std::optional<int> hnswM, efConstruction, efSearch, dimension;
    QString workDir;                    // empty: a temporary folder, removed after
};

struct StageTiming {
    QString name;
    qint64 records = 0;
    double seconds = 0;
    QString note;
    double rate() const { return seconds > 0 ? double(records) / seconds : 0; }
};

// Busy time of one pipeline stage during the end-to-end run, summed over its threads.
struct StageBusy {
    QString stage;
    double busySeconds = 0;
    qint64 records = 0;
};

struct ModeLatency {
    SearchMode mode = SearchMode::Keyword;
    qint64 queries = 0;
    double p50Ms = 0, p95Ms = 0, maxMs = 0;
};

struct BenchmarkReport {
    enum class Failure { None, Input, Store, Run } failure = Failure::None;
    QString error;
    qint64 records = 0, cases = 0, articles = 0;
    int workers = 0, batchSize = 0;
    QString embedderId;
    int hnswM = 0, efConstruction = 0, efSearch = 0;
    double endToEndSeconds = 0;
    double throughput = 0;              // records per second end to end
    QList<StageBusy> pipelineBusy;
    QList<StageTiming> stagesAlone;
    QString slowestStage;
    double ratioToSlowest = 0;          // end-to-end rate / slowest stage-alone rate
    double recallAt10 = 0;
    int recallQueries = 0;
    double vectorSearchMeanMs = 0;
    qint64 indexVectors = 0;
    QList<ModeLatency> searchLatency;
};

// `say` gets one line per phase ("generating ...", "ingesting end to end...").
BenchmarkReport runIngestBenchmark(const BenchmarkOptions &options, const std::function<void(const QString &)> &say);

// p50 / p95 / max per mode over case titles spread over the whole store: what an engineer pastes
// into the search box. Each mode runs the same queries; nothing is written to the search log.
QList<ModeLatency> measureSearchLatency(Engine &engine, int queries);

} // namespace kms
