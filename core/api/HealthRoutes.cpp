// SPDX-License-Identifier: MIT
// GET /health (the only open route: monitoring polls it without a token) and /health/detailed.
#include "api/ApiJson.h"
#include "api/ApiRoutes.h"

#include "engine/Engine.h"

namespace kms {

namespace {

// An unhealthy engine answers 503 so a load balancer or monitor needs no JSON parsing to notice.
ApiResponse health(Engine &engine, bool detailed)
{
    const QJsonObject h = engine.health(detailed);
    const bool unhealthy = h.value(QStringLiteral("status")).toString() == QLatin1String("unhealthy");
    return ApiResponse::json(h, unhealthy ? 503 : 200);
}

} // namespace

void addHealthRoutes(ApiServer &server, Engine &engine)
{
    server.addRoute({"GET", QStringLiteral("/api/v1/health"), QStringLiteral("/api/v1/health"), ApiScope::Open},
                    [&engine](const ApiRequest &) { return health(engine, false); });
    server.addRoute({"GET", QStringLiteral("/api/v1/health/detailed"), QStringLiteral("/api/v1/health/detailed"),
                     ApiScope::Read},
                    [&engine](const ApiRequest &) { return health(engine, true); });
}

} // namespace kms
