// SPDX-License-Identifier: MIT
#pragma once

#include "metrics/Histogram.h"

#include <QList>
#include <QString>

#include <array>
#include <atomic>
#include <deque>
#include <mutex>
#include <utility>

namespace kms {

// The pipeline stages we time. Names are used in metric names and reports.
enum class Stage : int { Read = 0, Normalise, Embed, Write, Index, Count };
QString stageName(Stage s);

// One second of the engine, as the dashboard and the metrics table see it.
struct MetricsPoint {
    qint64 timestampMs = 0;
    double recordsPerSecond = 0;      // committed records, last 1 s
    double recordsPerSecond10 = 0;    // last 10 s
    double recordsPerSecond60 = 0;    // last 60 s
    double cacheHitRate = 0;          // 0..1, lookups in the last 10 s (cumulative when idle)
    double errorRate = 0;             // rejected / processed, last 60 s
    double queueDepth = 0;
    double busyWorkers = 0;
    std::array<double, int(Stage::Count)> stageP50Ms{};
    std::array<double, int(Stage::Count)> stageP95Ms{};
    double cpuPercent = 0;            // process, across cores (200 = two cores busy)
    double rssBytes = 0;
    double dataDirBytes = 0;
};

// The metrics the sampler persists every point under (the metrics table, Engine::metricSeries).
enum class MetricId : int {
    IngestRate = 0, // "ingest.rate": records/s, last second
    IngestRate10,   // "ingest.rate10"
    CacheHitRate,   // "cache.hit_rate": 0..1
    ErrorRate,      // "error.rate": 0..1
    QueueDepth,     // "queue.depth"
    BusyWorkers,    // "workers.busy"
    ProcessCpu,     // "process.cpu": percent of one core
    ProcessRss,     // "process.rss": bytes
    DataDirBytes,   // "datadir.bytes"
    Count
};
QString metricName(MetricId id);
// "stage.<stage>.p50_ms" or "stage.<stage>.p95_ms".
QString stageMetricName(Stage s, bool p95);
// Every value of a point under its persisted name: what the history holds for that second, and
// what a live chart takes from the same point.
QList<std::pair<QString, double>> namedValues(const MetricsPoint &p);

// What the sampler reads from the system each second (SystemProbe).
struct SystemReadings {
    double cpuPercent = 0;
    double rssBytes = 0;
    double dataDirBytes = 0;
};

// Counters, gauges and per-stage latency histograms of one engine. Writers are lock-free (atomics);
// tick() is called once a second by one thread (the sampler) and turns them into a MetricsPoint.
class Metrics
{
public:
    // ---- written by the pipeline (any thread) ----
    void addRead(qint64 n) { m_read.fetch_add(n, std::memory_order_relaxed); }
    void addCommitted(qint64 n) { m_committed.fetch_add(n, std::memory_order_relaxed); }
    void addRejected(qint64 n) { m_rejected.fetch_add(n, std::memory_order_relaxed); }
    void addCacheLookups(qint64 hits, qint64 misses);
    void recordStage(Stage s, qint64 micros, qint64 records);
    void setQueueDepth(int n) { m_queueDepth.store(n, std::memory_order_relaxed); }
    void addBusyWorkers(int delta) { m_busyWorkers.fetch_add(delta, std::memory_order_relaxed); }

    // ---- cumulative totals (benchmarks, health) ----
    qint64 totalRead() const { return m_read.load(); }
    qint64 totalCommitted() const { return m_committed.load(); }
    qint64 totalRejected() const { return m_rejected.load(); }
    // Total time spent in a stage, summed over threads, and records it handled.
    qint64 stageBusyMicros(Stage s) const { return m_stageMicros[size_t(s)].load(); }
    qint64 stageRecords(Stage s) const { return m_stageRecords[size_t(s)].load(); }
    Histogram::Snapshot stageHistogram(Stage s) const { return m_stageHist[size_t(s)].snapshot(); }
    double cumulativeCacheHitRate() const;

    // ---- sampling (one thread) ----
    // Advances the windows. The caller reads the system values (cpu, rss, dir size); they are part
    // of the point kept in recent() / latest(), so live readers see them too.
    MetricsPoint tick(qint64 nowMs, const SystemReadings &system = {});
    QList<MetricsPoint> recent(int seconds) const; // newest last, at most one hour kept
    MetricsPoint latest() const;

private:
    struct Second {
        qint64 committed = 0;
        qint64 rejected = 0;
        qint64 hits = 0;
        qint64 misses = 0;
    };
    std::atomic<qint64> m_read{0}, m_committed{0}, m_rejected{0};
    std::atomic<qint64> m_cacheHits{0}, m_cacheMisses{0};
    std::atomic<int> m_queueDepth{0}, m_busyWorkers{0};
    std::array<Histogram, int(Stage::Count)> m_stageHist;
    std::array<Histogram::Snapshot, int(Stage::Count)> m_stageWindow{}; // rolling ~10 s
    std::array<std::atomic<qint64>, int(Stage::Count)> m_stageMicros{};
    std::array<std::atomic<qint64>, int(Stage::Count)> m_stageRecords{};
    std::array<Histogram, int(Stage::Count)> m_stageInterval; // since the last tick

    Second m_last;                 // cumulative values at the previous tick
    std::deque<Second> m_seconds;  // per-second deltas, newest last, 60 kept
    std::deque<std::array<Histogram::Snapshot, int(Stage::Count)>> m_stageSeconds; // 10 kept
    mutable std::mutex m_historyMutex;
    std::deque<MetricsPoint> m_history; // one hour
};

} // namespace kms
