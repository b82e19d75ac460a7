// SPDX-License-Identifier: MIT
// /jobs: the ingestion jobs, one job with its live progress, cancel, and a job's rejected records.
#include "api/ApiJson.h"
#include "api/ApiRoutes.h"

#include "engine/Engine.h"

namespace kms {

namespace {

ApiResponse noSuchJob(qint64 id)
{
    return ApiResponse::error(404, QStringLiteral("there is no job with id %1").arg(id));
}

ApiResponse oneJob(Engine &engine, qint64 id)
{
    const auto job = id > 0 ? engine.job(id) : std::nullopt;
    if (!job)
        return noSuchJob(id);
    QJsonObject o = jobJson(*job);
    o.insert(QStringLiteral("active"), engine.isJobActive(id));
    if (const auto progress = engine.runningJobProgress(); progress && progress->jobId == id)
        o.insert(QStringLiteral("progress"), progressJson(*progress));
    return ApiResponse::json(o);
}

} // namespace

void addJobRoutes(ApiServer &server, Engine &engine)
{
    server.addRoute({"GET", QStringLiteral("/api/v1/jobs"), QStringLiteral("/api/v1/jobs"), ApiScope::Read},
                    [&engine](const ApiRequest &r) {
                        QueryFields query(r, {QStringLiteral("limit")});
                        const int limit = query.integer(QStringLiteral("limit"), 100, 1, 1000);
                        if (!query.ok())
                            return query.error();
                        QJsonArray jobs;
                        for (const JobInfo &job : engine.jobs(limit))
                            jobs.append(jobJson(job));
                        return ApiResponse::json(QJsonObject{{QStringLiteral("jobs"), jobs}});
                    });
    server.addRoute({"GET", QStringLiteral("/api/v1/jobs/(\\d+)"), QStringLiteral("/api/v1/jobs/{id}"), ApiScope::Read},
                    [&engine](const ApiRequest &r) { return oneJob(engine, captureId(r)); });
    server.addRoute({"POST", QStringLiteral("/api/v1/jobs/(\\d+)/cancel"), QStringLiteral("/api/v1/jobs/{id}/cancel"),
                     ApiScope::Write},
                    [&engine](const ApiRequest &r) {
                        const qint64 id = captureId(r);
                        if (!(id > 0 ? engine.job(id) : std::nullopt))
                            return noSuchJob(id);
                        if (!engine.cancelJob(id))
                            return ApiResponse::error(409, QStringLiteral("job %1 is neither queued nor running").arg(id));
                        return oneJob(engine, id);
                    });
    server.addRoute({"GET", QStringLiteral("/api/v1/jobs/(\\d+)/rejects"), QStringLiteral("/api/v1/jobs/{id}/rejects"),
                     ApiScope::Read},
                    [&engine](const ApiRequest &r) {
                        const qint64 id = captureId(r);
                        if (!(id > 0 ? engine.job(id) : std::nullopt))
                            return noSuchJob(id);
                        QueryFields query(r, {QStringLiteral("limit"), QStringLiteral("offset")});
                        const int limit = query.integer(QStringLiteral("limit"), 100, 1, 1000);
                        const int offset = query.integer(QStringLiteral("offset"), 0, 0, 100'000'000);
                        if (!query.ok())
                            return query.error();
                        QJsonArray rejects;
                        for (const RejectInfo &reject : engine.rejects(id, limit, offset))
                            rejects.append(rejectJson(reject));
                        return ApiResponse::json(QJsonObject{{QStringLiteral("job"), id}, {QStringLiteral("rejects"), rejects}});
                    });
}

} // namespace kms
