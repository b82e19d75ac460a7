// SPDX-License-Identifier: MIT
// GET /metrics (Prometheus text, for a scraper with a read token) and /metrics/performance (JSON).
#include "api/ApiJson.h"
#include "api/ApiRoutes.h"

#include "engine/Engine.h"
#include "metrics/PrometheusText.h"

#include <QDateTime>

namespace kms {

namespace {

ApiResponse performance(Engine &engine, const ApiRequest &request)
{
    QueryFields query(request, {QStringLiteral("minutes")});
    const int minutes = query.integer(QStringLiteral("minutes"), 60, 1, 7 * 24 * 60);
    if (!query.ok())
        return query.error();
    const MetricsPoint p = engine.latestMetrics();
    QJsonObject stages;
    for (int s = 0; s < int(Stage::Count); ++s)
        stages.insert(stageName(Stage(s)), QJsonObject{{QStringLiteral("p50_ms"), p.stageP50Ms[size_t(s)]},
                                                       {QStringLiteral("p95_ms"), p.stageP95Ms[size_t(s)]}});
    QJsonObject search;
    const qint64 since = QDateTime::currentMSecsSinceEpoch() - qint64(minutes) * 60'000;
    for (const LatencySummary &l : engine.searchLatency(since))
        search.insert(searchModeName(l.mode), QJsonObject{{QStringLiteral("queries"), l.queries},
                                                          {QStringLiteral("p50_ms"), l.p50Ms},
                                                          {QStringLiteral("p95_ms"), l.p95Ms},
                                                          {QStringLiteral("p99_ms"), l.p99Ms}});
    return ApiResponse::json(QJsonObject{
        {QStringLiteral("timestamp_ms"), p.timestampMs},
        {QStringLiteral("ingest"), QJsonObject{{QStringLiteral("records_per_second"), p.recordsPerSecond},
                                               {QStringLiteral("records_per_second_10s"), p.recordsPerSecond10},
                                               {QStringLiteral("records_per_second_60s"), p.recordsPerSecond60},
                                               {QStringLiteral("error_rate"), p.errorRate},
                                               {QStringLiteral("queue_depth"), p.queueDepth},
                                               {QStringLiteral("busy_workers"), p.busyWorkers},
                                               {QStringLiteral("stages"), stages}}},
        {QStringLiteral("cache_hit_rate"), p.cacheHitRate},
        {QStringLiteral("search"), QJsonObject{{QStringLiteral("minutes"), minutes}, {QStringLiteral("modes"), search}}},
        {QStringLiteral("system"), QJsonObject{{QStringLiteral("cpu_percent"), p.cpuPercent},
                                               {QStringLiteral("rss_bytes"), p.rssBytes},
                                               {QStringLiteral("data_directory_bytes"), p.dataDirBytes}}}});
}

} // namespace

void addMetricsRoutes(ApiServer &server, Engine &engine)
{
    server.addRoute({"GET", QStringLiteral("/api/v1/metrics"), QStringLiteral("/api/v1/metrics"), ApiScope::Read},
                    [&engine](const ApiRequest &) {
                        ApiResponse r;
                        r.body = engine.prometheusMetrics();
                        r.contentType = PrometheusWriter::kContentType;
                        return r;
                    });
    server.addRoute({"GET", QStringLiteral("/api/v1/metrics/performance"), QStringLiteral("/api/v1/metrics/performance"),
                     ApiScope::Read},
                    [&engine](const ApiRequest &r) { return performance(engine, r); });
}

} // namespace kms
