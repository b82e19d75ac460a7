// SPDX-License-Identifier: MIT
// GET /health (the only open route: monitoring polls it without a token) and /health/detailed.
#include "api/ApiJson.h"
#include "api/ApiRoutes.h"

#include "engine/Engine.h"

namespace kms {

namespace {

// An unhealthy engine answers 503 so a load balancer or monitor needs no JSON parsing to notice.
// Without a token only the status of each component is shown: paths and sizes are for token holders.
ApiResponse health(Engine &engine, bool detailed, bool open)
{
    QJsonObject h = engine.health(detailed);
    if (open) {
        QJsonObject components;
        const QJsonObject all = h.value(QStringLiteral("components")).toObject();
        for (auto it = all.begin(); it != all.end(); ++it)
            components.insert(it.key(), it.value().toObject().value(QStringLiteral("status")));
        h = QJsonObject{{QStringLiteral("status"), h.value(QStringLiteral("status"))},
                        {QStringLiteral("components"), components}};
    }
    const bool unhealthy = h.value(QStringLiteral("status")).toString() == QLatin1String("unhealthy");
    return ApiResponse::json(h, unhealthy ? 503 : 200);
}

} // namespace

void addHealthRoutes(ApiServer &server, Engine &engine)
{
    server.addRoute({"GET", QStringLiteral("/api/v1/health"), QStringLiteral("/api/v1/health"), ApiScope::Open},
                    [&engine](const ApiRequest &) { return health(engine, false, true); });
    server.addRoute({"GET", QStringLiteral("/api/v1/health/detailed"), QStringLiteral("/api/v1/health/detailed"),
                     ApiScope::Read},
                    [&engine](const ApiRequest &) { return health(engine, true, false); });
}

} // namespace kms
