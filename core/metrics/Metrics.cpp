// SPDX-License-Identifier: MIT
#include "metrics/Metrics.h"

#include <algorithm>
#include <iterator>

namespace kms {

namespace {
constexpr size_t kRateWindow = 60;
constexpr size_t kStageWindow = 10;
constexpr size_t kHistorySeconds = 3600;
} // namespace

QString stageName(Stage s)
{
    switch (s) {
    case Stage::Read: return QStringLiteral("read");
    case Stage::Normalise: return QStringLiteral("normalise");
    case Stage::Embed: return QStringLiteral("embed");
    case Stage::Write: return QStringLiteral("write");
    case Stage::Index: return QStringLiteral("index");
    case Stage::Count: break;
    }
    return {};
}

QString metricName(MetricId id)
{
    switch (id) {
    case MetricId::IngestRate: return QStringLiteral("ingest.rate");
    case MetricId::IngestRate10: return QStringLiteral("ingest.rate10");
    case MetricId::CacheHitRate: return QStringLiteral("cache.hit_rate");
    case MetricId::ErrorRate: return QStringLiteral("error.rate");
    case MetricId::QueueDepth: return QStringLiteral("queue.depth");
    case MetricId::BusyWorkers: return QStringLiteral("workers.busy");
    case MetricId::ProcessCpu: return QStringLiteral("process.cpu");
    case MetricId::ProcessRss: return QStringLiteral("process.rss");
    case MetricId::DataDirBytes: return QStringLiteral("datadir.bytes");
    case MetricId::Count: break;
    }
    return {};
}

QString stageMetricName(Stage s, bool p95)
{
    return p95 ? QStringLiteral("stage.%1.p95_ms").arg(stageName(s)) : QStringLiteral("stage.%1.p50_ms").arg(stageName(s));
}

QList<std::pair<QString, double>> namedValues(const MetricsPoint &p)
{
    QList<std::pair<QString, double>> out;
    out.reserve(int(MetricId::Count) + 2 * int(Stage::Count));
    const double values[] = {p.recordsPerSecond, p.recordsPerSecond10, p.cacheHitRate, p.errorRate,
                             p.queueDepth,       p.busyWorkers,        p.cpuPercent,   p.rssBytes,
                             p.dataDirBytes};
    static_assert(std::size(values) == size_t(MetricId::Count));
    for (int i = 0; i < int(MetricId::Count); ++i)
        out.append({metricName(MetricId(i)), values[i]});
    for (int s = 0; s < int(Stage::Count); ++s) {
        out.append({stageMetricName(Stage(s), false), p.stageP50Ms[size_t(s)]});
        out.append({stageMetricName(Stage(s), true), p.stageP95Ms[size_t(s)]});
    }
    return out;
}

void Metrics::addCacheLookups(qint64 hits, qint64 misses)
{
    m_cacheHits.fetch_add(hits, std::memory_order_relaxed);
    m_cacheMisses.fetch_add(misses, std::memory_order_relaxed);
}

void Metrics::recordStage(Stage s, qint64 micros, qint64 records)
{
    const auto i = size_t(s);
    m_stageHist[i].record(micros);
    m_stageInterval[i].record(micros);
    m_stageMicros[i].fetch_add(micros, std::memory_order_relaxed);
    m_stageRecords[i].fetch_add(records, std::memory_order_relaxed);
}

double Metrics::cumulativeCacheHitRate() const
{
    const double h = double(m_cacheHits.load());
    const double m = double(m_cacheMisses.load());
    return h + m > 0 ? h / (h + m) : 0.0;
}

MetricsPoint Metrics::tick(qint64 nowMs, const SystemReadings &system)
{
    const Second now{m_committed.load(), m_rejected.load(), m_cacheHits.load(), m_cacheMisses.load()};
    const Second delta{now.committed - m_last.committed, now.rejected - m_last.rejected,
                       now.hits - m_last.hits, now.misses - m_last.misses};
    m_last = now;
    m_seconds.push_back(delta);
    while (m_seconds.size() > kRateWindow)
        m_seconds.pop_front();

    auto sumLast = [this](size_t n) {
        Second s;
        const size_t from = m_seconds.size() > n ? m_seconds.size() - n : 0;
        for (size_t i = from; i < m_seconds.size(); ++i) {
            s.committed += m_seconds[i].committed;
            s.rejected += m_seconds[i].rejected;
            s.hits += m_seconds[i].hits;
            s.misses += m_seconds[i].misses;
        }
        return s;
    };
    MetricsPoint p;
    p.timestampMs = nowMs;
    p.recordsPerSecond = double(delta.committed);
    const Second s10 = sumLast(10);
    const Second s60 = sumLast(60);
    p.recordsPerSecond10 = double(s10.committed) / double(std::min<size_t>(10, m_seconds.size()));
    p.recordsPerSecond60 = double(s60.committed) / double(std::min<size_t>(60, m_seconds.size()));
    p.cacheHitRate = s10.hits + s10.misses > 0 ? double(s10.hits) / double(s10.hits + s10.misses)
                                               : cumulativeCacheHitRate();
    const qint64 processed60 = s60.committed + s60.rejected;
    p.errorRate = processed60 > 0 ? double(s60.rejected) / double(processed60) : 0.0;
    p.queueDepth = m_queueDepth.load();
    p.busyWorkers = m_busyWorkers.load();
    p.cpuPercent = system.cpuPercent;
    p.rssBytes = system.rssBytes;
    p.dataDirBytes = system.dataDirBytes;

    // Stage percentiles over the last 10 s, so a chart shows a steady line rather than noise.
    std::array<Histogram::Snapshot, int(Stage::Count)> thisSecond;
    for (int i = 0; i < int(Stage::Count); ++i)
        thisSecond[size_t(i)] = m_stageInterval[size_t(i)].takeSnapshot();
    m_stageSeconds.push_back(thisSecond);
    while (m_stageSeconds.size() > kStageWindow)
        m_stageSeconds.pop_front();
    for (int i = 0; i < int(Stage::Count); ++i) {
        Histogram::Snapshot merged;
        for (const auto &sec : m_stageSeconds)
            merged.merge(sec[size_t(i)]);
        p.stageP50Ms[size_t(i)] = merged.percentile(50) / 1000.0;
        p.stageP95Ms[size_t(i)] = merged.percentile(95) / 1000.0;
    }

    std::lock_guard guard(m_historyMutex);
    m_history.push_back(p);
    while (m_history.size() > kHistorySeconds)
        m_history.pop_front();
    return p;
}

QList<MetricsPoint> Metrics::recent(int seconds) const
{
    std::lock_guard guard(m_historyMutex);
    QList<MetricsPoint> out;
    const size_t n = std::min(m_history.size(), size_t(std::max(seconds, 0)));
    for (size_t i = m_history.size() - n; i < m_history.size(); ++i)
        out.append(m_history[i]);
    return out;
}

MetricsPoint Metrics::latest() const
{
    std::lock_guard guard(m_historyMutex);
    return m_history.empty() ? MetricsPoint{} : m_history.back();
}

} // namespace kms
